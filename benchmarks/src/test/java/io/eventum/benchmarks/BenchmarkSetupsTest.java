package io.eventum.benchmarks;

import io.eventum.benchmarks.append.AxonJdbcH2Append;
import io.eventum.benchmarks.append.EventumInMemoryAppend;
import io.eventum.benchmarks.replay.AxonInMemoryReplay;
import io.eventum.benchmarks.replay.AxonJdbcH2Replay;
import io.eventum.benchmarks.replay.EventumInMemoryReplay;
import io.eventum.benchmarks.replay.EventumJpaH2Replay;
import io.eventum.benchmarks.replay.FloorReplay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The benchmarks' setups and one operation each, on the engines that start in the JVM, so that a
 * broken side (a class missing from the jar, a serializer that cannot start) fails the build rather
 * than a ten-minute JMH run. Each setup checks its own aggregate loads back whole.
 */
class BenchmarkSetupsTest {

    @Test
    void eventums_and_the_floors_replays_load_the_whole_aggregate() {
        EventumInMemoryReplay inMemory = new EventumInMemoryReplay();
        inMemory.events = 10;
        inMemory.populate();
        assertThat(inMemory.load().countExamples()).isEqualTo(9);
        inMemory.close();
        EventumJpaH2Replay h2 = new EventumJpaH2Replay();
        h2.events = 10;
        h2.populate();
        assertThat(h2.load().countExamples()).isEqualTo(9);
        h2.close();
        FloorReplay floor = new FloorReplay();
        floor.events = 10;
        floor.prepare();
        assertThat(floor.floorDecode().countExamples()).isEqualTo(9);
    }

    @Test
    void axons_replays_and_appends_run_with_its_jackson_serializer() {
        AxonJdbcH2Replay jdbc = new AxonJdbcH2Replay();
        jdbc.events = 10;
        jdbc.populate();
        assertThat(jdbc.load()).isEqualTo(9);
        jdbc.close();
        AxonInMemoryReplay inMemory = new AxonInMemoryReplay();
        inMemory.events = 10;
        inMemory.populate();
        assertThat(inMemory.load()).isEqualTo(9);
        inMemory.close();
        AxonJdbcH2Append append = new AxonJdbcH2Append();
        append.batch = 10;
        assertThatCode(() -> {
            append.start();
            append.open();
            append.append();
            append.close();
            append.stop();
        }).doesNotThrowAnyException();
    }

    @Test
    void eventums_append_saves_a_batch() {
        EventumInMemoryAppend append = new EventumInMemoryAppend();
        append.batch = 10;
        append.open();
        assertThat(append.append().version()).isEqualTo(10);
        append.close();
        append.stop();
    }
}
