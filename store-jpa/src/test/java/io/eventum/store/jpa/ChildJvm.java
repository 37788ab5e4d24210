package io.eventum.store.jpa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DurabilityChild} running in a JVM of its own, on the test's classpath, so that a test can
 * kill it the way an operating system does ({@link #kill()} sends SIGKILL on Linux and macOS) or let
 * it halt itself. Every {@code ACK <aggregate id> <version>} line it prints is recorded as it
 * arrives: the child prints one only after {@code append} returned, so the record is what the store
 * acknowledged, whenever the child dies. Standard error goes to a file, shown when a wait fails.
 */
final class ChildJvm implements AutoCloseable {

    private static final String END_OF_OUTPUT = "\u0000end";

    private final Process process;
    private final Path errors;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.reader = new Thread(this::readOutput, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code DurabilityChild} with {@code arguments}; its standard error goes to a file in {@code directory}. */
    static ChildJvm start(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName()));
        command.addAll(List.of(arguments));
        try {
            Path errors = Files.createTempFile(directory, "child-", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            return new ChildJvm(process, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + command, e);
        }
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] fields = line.split(" ");
                    acknowledged.merge(UUID.fromString(fields[1]), Long.parseLong(fields[2]), Math::max);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("output lost: " + e);
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    /**
     * Waits until the child prints a line starting with {@code prefix} and returns it.
     *
     * @throws AssertionError if the child ends or {@code timeout} passes first, with its output
     */
    String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(END_OF_OUTPUT)) {
                    if (line != null) {
                        lines.add(END_OF_OUTPUT);
                    }
                    throw new AssertionError("the child printed no line starting with \"" + prefix + "\" within "
                            + timeout + (line == null ? "" : " before it ended") + "; its output: " + seen + "; its errors: " + errorsTail());
                }
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child", e);
        }
    }

    /** Waits until the child has acknowledged {@code count} appends of its aggregate. */
    void awaitAcknowledged(long count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acknowledged.values().stream().mapToLong(Long::longValue).sum() < count) {
            awaitLine("ACK ", Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** Kills the child at once (SIGKILL where there are signals), and waits until it is gone and its output read. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    /**
     * Waits until the child ends and its output is read, and returns its exit code.
     *
     * @throws AssertionError if it is still running after {@code timeout}
     */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the child is still running after " + timeout + "; its errors: " + errorsTail());
            }
            reader.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child", e);
        }
    }

    /** The highest version the child acknowledged, per aggregate, as far as its output has been read. */
    Map<UUID, Long> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** The last lines the child wrote to standard error, for failure messages. */
    String errorsTail() {
        try {
            List<String> all = Files.readAllLines(errors, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
