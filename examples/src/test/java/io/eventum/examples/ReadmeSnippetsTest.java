package io.eventum.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code the README shows is this module's code, compiled and tested: each tagged region of a
 * source file appears verbatim (less its indentation) between the README's matching markers.
 */
class ReadmeSnippetsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/eventum/examples");
    private static final Path README = Path.of("../README.md");

    @Test
    void the_quick_start_appears_in_the_readme_in_at_most_25_lines() throws IOException {
        assertThat(assertReadmeShows("quickstart", SOURCES.resolve("quickstart/QuickStart.java"))).hasSizeLessThanOrEqualTo(25);
    }

    @Test
    void the_projection_and_how_to_run_it_appear_in_the_readme_in_under_30_lines() throws IOException {
        List<String> projection = assertReadmeShows("projection", SOURCES.resolve("dogschool/TrickCounts.java"));
        List<String> running = assertReadmeShows("projection-run", SOURCES.resolve("dogschool/DogSchoolExample.java"));
        assertThat(projection.size() + running.size()).isLessThan(30);
    }

    /** Asserts the README shows the tagged region of {@code source}; returns the region. */
    private static List<String> assertReadmeShows(String tag, Path source) throws IOException {
        List<String> tagged = between(Files.readAllLines(source), "// tag::" + tag + "[]", "// end::" + tag + "[]");
        int indent = tagged.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        List<String> snippet = tagged.stream().map(line -> line.length() >= indent ? line.substring(indent) : line.strip()).toList();
        List<String> readme = between(Files.readAllLines(README), "<!-- " + tag + ":begin -->", "<!-- " + tag + ":end -->");
        assertThat(readme.stream().filter(line -> !line.startsWith("```")).toList()).as("README section %s", tag).isEqualTo(snippet);
        return snippet;
    }

    private static List<String> between(List<String> lines, String begin, String end) {
        int from = lines.indexOf(lines.stream().filter(line -> line.contains(begin)).findFirst().orElseThrow(
                () -> new AssertionError("marker " + begin + " not found"))) + 1;
        int to = lines.indexOf(lines.stream().filter(line -> line.contains(end)).findFirst().orElseThrow(
                () -> new AssertionError("marker " + end + " not found")));
        assertThat(to).as("marker %s after %s", end, begin).isGreaterThanOrEqualTo(from);
        return lines.subList(from, to);
    }
}
