package io.eventum.examples.ddd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's H2 file keeps what a run saved even when that run's process dies right after the
 * save: the {@code h2} choice's URL tells H2 to write each commit to the file before the commit
 * returns ({@code WRITE_DELAY=0}). Each run is a JVM of its own, working in a temporary directory,
 * so the file is the one the example itself would use there.
 */
class H2ExampleFileDurabilityTest {

    @TempDir
    Path workingDirectory;

    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), H2ExampleChild.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectError(workingDirectory.resolve("child.err").toFile()).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child ended within 60 s").isTrue();
        return output.lines().filter(line -> line.startsWith("ACK ") || line.startsWith("LAST ")).findFirst()
                .orElseThrow(() -> new AssertionError("the child printed no result: " + output));
    }

    @Test
    void a_run_killed_right_after_its_saves_leaves_them_in_the_example_file() throws IOException, InterruptedException {
        // given a run that appended three events and halted right after the last append returned
        long acknowledged = Long.parseLong(run("append-then-halt", "3").substring("ACK ".length()));
        // when the next run opens the file
        long last = Long.parseLong(run("last-position").substring("LAST ".length()));
        // then
        assertThat(acknowledged).isEqualTo(3);
        assertThat(last).isEqualTo(acknowledged);
    }
}
