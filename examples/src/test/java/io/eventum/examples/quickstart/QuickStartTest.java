package io.eventum.examples.quickstart;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start is this module's code: it compiles, runs, and matches the README. */
class QuickStartTest {

    private static final Path SOURCE = Path.of("src/main/java/io/eventum/examples/quickstart/QuickStart.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void the_quick_start_saves_and_reloads_the_dog() {
        assertThat(QuickStart.run()).containsExactly("roll over", "play dead");
    }

    @Test
    void the_readme_shows_the_quick_start_exactly_and_in_at_most_25_lines() throws IOException {
        // given
        List<String> tagged = between(Files.readAllLines(SOURCE), "// tag::quickstart[]", "// end::quickstart[]");
        List<String> snippet = tagged.stream().map(line -> line.length() >= 4 ? line.substring(4) : line.strip()).toList();
        // when
        List<String> readme = between(Files.readAllLines(README), "<!-- quickstart:begin -->", "<!-- quickstart:end -->");
        // then
        assertThat(snippet).hasSizeLessThanOrEqualTo(25);
        assertThat(readme).containsSubsequence(snippet);
        assertThat(readme.stream().filter(line -> !line.startsWith("```")).toList()).isEqualTo(snippet);
    }

    private static List<String> between(List<String> lines, String begin, String end) {
        int from = indexOfLineContaining(lines, begin) + 1;
        int to = indexOfLineContaining(lines, end);
        assertThat(from).as("marker %s", begin).isPositive();
        assertThat(to).as("marker %s", end).isGreaterThanOrEqualTo(from);
        return lines.subList(from, to);
    }

    private static int indexOfLineContaining(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }
}
