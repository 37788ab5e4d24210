package io.eventum.benchmarks.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report read from a small JMH JSON file in JMH's own format (six results, trimmed). */
class ReportWriterTest {

    private static String sample() throws IOException {
        try (InputStream in = ReportWriterTest.class.getResourceAsStream("/jmh-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void each_benchmark_is_read_with_its_subject_size_and_time_in_microseconds() throws IOException {
        // when
        List<JmhResult> results = JmhResults.parse(sample());

        // then
        assertThat(results).hasSize(6);
        JmhResult eventum = results.get(3);
        assertThat(eventum.subject()).isEqualTo(new Subject("Eventum", "in-memory", "in-memory", Subject.Kind.REPLAY));
        assertThat(eventum.size()).isEqualTo(1000);
        assertThat(eventum.micros()).isEqualTo(600.0);
        assertThat(eventum.eventsPerSecond()).isCloseTo(1_666_667, within(1.0));
        assertThat(eventum.bytesPerEvent()).isEqualTo(480.0);
        JmhResult floorObjects = results.get(5);
        assertThat(floorObjects.subject().who()).isEqualTo("floorObjects");
        assertThat(floorObjects.micros()).as("0.05 ms").isCloseTo(50.0, within(1e-9));
        assertThat(floorObjects.error()).isNaN();
        assertThat(results.get(0).subject().kind()).isEqualTo(Subject.Kind.APPEND);
    }

    @Test
    void the_replay_table_gives_each_row_its_ratio_to_floorDecode_and_to_axon_on_the_same_store() throws IOException {
        // when
        String markdown = ReportWriter.markdown(JmhResults.parse(sample()));

        // then
        assertThat(markdown).contains(
                "| floorObjects | — | 1,000 | 50.0 | 20,000,000 | 96 | 0.10× | — | — |",
                "| floorDecode | — | 1,000 | 500 ± 10.0 | 2,000,000 | 400 | 1.00× | — | — |",
                "| Eventum | in-memory | 1,000 | 600 ± 12.0 | 1,666,667 | 480 | 1.20× | — | 2.50× |",
                "| Axon | in-memory | 1,000 | 1,500 ± 30.0 | 666,667 | 900 | 3.00× | — | — |");
        assertThat(markdown.indexOf("floorObjects")).isLessThan(markdown.indexOf("| Eventum | in-memory | 1,000"));
    }

    @Test
    void the_append_table_gives_events_per_second_of_the_whole_batch() throws IOException {
        // when
        String markdown = ReportWriter.markdown(JmhResults.parse(sample()));

        // then
        assertThat(markdown).contains(
                "| Eventum | in-memory | 10 | 20.0 ± 1.00 | 500,000 | 800 | — | 2.50× |",
                "| Axon | in-memory | 10 | 50.0 ± 2.00 | 200,000 | 2,000 | — | — |");
    }

    @Test
    void the_targets_say_what_was_measured_and_whether_it_is_met() throws IOException {
        // when
        String markdown = ReportWriter.markdown(JmhResults.parse(sample()));

        // then
        assertThat(markdown).contains(
                "- replay within 1.05× floorDecode (in-memory, N=1,000): 1.20× — **missed**",
                "- bytes per event within 1.5× floorDecode's (in-memory, N=1,000): 1.20× — met");
    }

    @Test
    void postgres_rows_are_divided_by_the_jdbc_floor_and_writers_give_events_per_second_and_percentiles() throws IOException {
        // given
        String json;
        try (InputStream in = ReportWriterTest.class.getResourceAsStream("/jmh-postgres-sample.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // when
        List<JmhResult> results = JmhResults.parse(json);
        String markdown = ReportWriter.markdown(results);

        // then
        assertThat(results.get(0).subject()).isEqualTo(new Subject("Eventum", "JPA, PostgreSQL", "PostgreSQL", Subject.Kind.WRITERS));
        assertThat(results.get(0).size()).as("the thread count").isEqualTo(4);
        assertThat(results.get(0).p99()).isEqualTo(2_000.0);
        assertThat(markdown).contains(
                "| Eventum | JPA, PostgreSQL | 4 | 8,000 | 500 | 400 | 2,000 | 0.80× | 1.25× |",
                "| floorJdbc | JDBC, PostgreSQL | 4 | 10,000 | 400 | 350 | 1,000 | — | — |",
                "| Eventum | JPA, PostgreSQL | 1 | 300 | 3,333 | — | 1.20× | 1.33× |",
                "| Eventum | JPA, PostgreSQL, no fsync | 1 | 100 | 10,000 | — | — | — |",
                "- events/s at least 0.9× the JDBC floor's (JPA, PostgreSQL, 4 writers): 0.80× — **missed**",
                "- events/s at least Axon JDBC's (JPA, PostgreSQL, 4 writers): 1.25× — met",
                "- append within 1.15× the JDBC append floor (JPA, PostgreSQL, batch 1): 1.20× — **missed**",
                "- append at most Axon JDBC's time (JPA, PostgreSQL, batch 1): 0.75× — met");
    }

    @Test
    void the_chart_is_written_as_a_png(@TempDir Path folder) throws IOException {
        // given
        System.setProperty("java.awt.headless", "true");
        Path png = folder.resolve("results.png");

        // when
        ResultChart.save(JmhResults.parse(sample()), png);

        // then
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void subjects_are_read_from_the_class_names_of_stores_still_to_come() {
        assertThat(Subject.of("io.eventum.benchmarks.replay.EventumJpaPostgresReplay.load"))
                .isEqualTo(new Subject("Eventum", "JPA, PostgreSQL", "PostgreSQL", Subject.Kind.REPLAY));
        assertThat(Subject.of("io.eventum.benchmarks.append.AxonJdbcH2Append.append"))
                .isEqualTo(new Subject("Axon", "JDBC, H2", "H2", Subject.Kind.APPEND));
    }

    @Test
    void every_benchmarked_subject_has_a_color_of_its_own_in_the_chart() {
        List<Subject> subjects = Stream.of("EventumInMemoryReplay", "EventumJpaH2Replay", "EventumJpaPostgresReplay",
                        "EventumMongoReplay", "EventumInMemorySnapshotReplay", "EventumJpaPostgresSnapshotReplay",
                        "EventumInMemoryAccountSnapshotReplay", "EventumJpaPostgresAccountSnapshotReplay",
                        "AxonInMemoryReplay", "AxonJdbcH2Replay", "AxonJdbcPostgresReplay")
                .map(type -> Subject.of("io.eventum.benchmarks.replay." + type + ".load")).toList();
        List<Subject> floors = List.of(Subject.of("io.eventum.benchmarks.replay.FloorReplay.floorObjects"),
                Subject.of("io.eventum.benchmarks.replay.FloorReplay.floorDecode"));

        List<Color> colors = Stream.concat(subjects.stream(), floors.stream()).map(ResultChart::color).toList();

        assertThat(colors).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void the_bounded_state_snapshot_loads_are_told_apart_from_the_seeds() {
        assertThat(Subject.of("io.eventum.benchmarks.replay.EventumInMemoryAccountSnapshotReplay.load"))
                .isEqualTo(new Subject("Eventum", "in-memory, account, snapshots every 100", "in-memory, account snapshots",
                        Subject.Kind.REPLAY));
        assertThat(Subject.of("io.eventum.benchmarks.replay.EventumInMemorySnapshotReplay.load").backend())
                .isEqualTo("in-memory, snapshots");
    }
}
