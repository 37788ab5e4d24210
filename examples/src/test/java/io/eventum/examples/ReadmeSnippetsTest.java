package io.eventum.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code the README shows is this module's code, compiled and tested: the tagged regions of the
 * source files appear verbatim (less their indentation), in order, between the README's matching
 * markers. A README block may start with import lines: they must be exactly the imports the tagged
 * sources need.
 */
class ReadmeSnippetsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/eventum/examples");
    private static final Path README = Path.of("../README.md");

    @Test
    void the_quick_start_appears_in_the_readme_with_its_imports_in_at_most_15_lines() throws IOException {
        List<Path> sources = List.of(SOURCES.resolve("quickstart/Dog.java"), SOURCES.resolve("quickstart/QuickStart.java"));
        assertThat(assertReadmeShows("quickstart", sources)).hasSizeLessThanOrEqualTo(15);
    }

    @Test
    void the_projection_and_how_to_run_it_appear_in_the_readme_in_under_30_lines() throws IOException {
        List<String> projection = assertReadmeShows("projection", List.of(SOURCES.resolve("dogschool/TrickCounts.java")));
        List<String> running = assertReadmeShows("projection-run", List.of(SOURCES.resolve("dogschool/DogSchoolExample.java")));
        assertThat(projection.size() + running.size()).isLessThan(30);
    }

    /** Asserts the README shows the tagged regions of {@code sources}; returns the code shown, imports left out. */
    private static List<String> assertReadmeShows(String tag, List<Path> sources) throws IOException {
        List<String> snippet = new ArrayList<>();
        Set<String> imports = new TreeSet<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (List<String> region : regions(lines, "// tag::" + tag + "[]", "// end::" + tag + "[]")) {
                snippet.addAll(dedent(region));
            }
            lines.stream().filter(line -> line.startsWith("import ")).forEach(imports::add);
        }
        List<String> readme = regions(Files.readAllLines(README), "<!-- " + tag + ":begin -->", "<!-- " + tag + ":end -->").get(0)
                .stream().filter(line -> !line.startsWith("```")).toList();
        List<String> readmeImports = readme.stream().filter(line -> line.startsWith("import ")).toList();
        List<String> code = readme.subList(readmeImports.isEmpty() ? 0 : readmeImports.size() + 1, readme.size());
        assertThat(code).as("README section %s", tag).isEqualTo(snippet);
        if (!readmeImports.isEmpty()) {
            assertThat(new TreeSet<>(readmeImports)).as("README section %s imports", tag).isEqualTo(imports);
        }
        return snippet;
    }

    private static List<String> dedent(List<String> region) {
        int indent = region.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return region.stream().map(line -> line.length() >= indent ? line.substring(indent) : line.strip()).toList();
    }

    /** Every region between a line containing {@code begin} and the next containing {@code end}. */
    private static List<List<String>> regions(List<String> lines, String begin, String end) {
        List<List<String>> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(begin)) {
                int from = i + 1;
                int to = from;
                while (to < lines.size() && !lines.get(to).contains(end)) {
                    to++;
                }
                assertThat(to).as("marker %s after %s", end, begin).isLessThan(lines.size());
                regions.add(lines.subList(from, to));
                i = to;
            }
        }
        assertThat(regions).as("marker %s", begin).isNotEmpty();
        return regions;
    }
}
