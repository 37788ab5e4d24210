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
    void the_projection_appears_in_the_readme_in_under_20_lines() throws IOException {
        List<String> projection = assertReadmeShows("projection", List.of(SOURCES.resolve("dogschool/TrickCounts.java")));
        assertThat(projection).hasSizeLessThan(20);
    }

    @Test
    void the_store_choices_the_saves_and_the_evolution_rules_appear_in_the_readme() throws IOException {
        assertReadmeShows("stores", List.of(SOURCES.resolve("readme/PickingAStore.java")));
        assertReadmeShows("shop", List.of(SOURCES.resolve("shop/Shop.java")));
        assertReadmeShows("evolution", List.of(SOURCES.resolve("evolution/Account.java")));
    }

    @Test
    void every_java_block_of_the_readme_is_a_tagged_region_of_compiled_code() throws IOException {
        List<String> lines = Files.readAllLines(README);
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("<!-- ") && line.endsWith(":begin -->")) {
                open = line;
            } else if (line.startsWith("<!-- ") && line.endsWith(":end -->")) {
                open = null;
            } else if (line.startsWith("```java")) {
                assertThat(open).as("the java block at README line %d is not between tag markers", i + 1).isNotNull();
            }
        }
    }

    @Test
    void the_dependency_block_names_the_published_artifacts_at_the_projects_version() throws IOException {
        List<String> block = regions(Files.readAllLines(README), "<!-- dependency:begin -->", "<!-- dependency:end -->").get(0);
        String xml = String.join("\n", block);
        String version = Files.readAllLines(Path.of("../pom.xml")).stream().map(String::strip)
                .filter(line -> line.startsWith("<version>")).findFirst().orElseThrow();
        assertThat(xml).contains(version).contains("<artifactId>eventum-bom</artifactId>").contains("<type>pom</type>");
        java.util.regex.Matcher artifacts = java.util.regex.Pattern.compile("<artifactId>(eventum-[a-z-]+)</artifactId>").matcher(xml);
        while (artifacts.find()) {
            String module = artifacts.group(1).substring("eventum-".length());
            assertThat(Path.of("..", module, "pom.xml")).as(artifacts.group(1)).exists();
        }
        java.util.regex.Matcher mentioned = java.util.regex.Pattern.compile("(eventum-store-[a-z]+)").matcher(xml);
        while (mentioned.find()) {
            assertThat(Path.of("..", mentioned.group(1).substring("eventum-".length()), "pom.xml")).as(mentioned.group(1)).exists();
        }
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
