package io.eventum.examples.ddd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The example's command line, run in-process: every store on main, --help, and bad options. */
class ExampleDDDCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ExampleDDDCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @ParameterizedTest
    @EnumSource(StoreChoice.class)
    void every_store_runs_every_step_of_the_seed_and_prints_the_stored_history(StoreChoice store) {
        // when
        int exit = run("--store", store.name());
        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains(" 1. created aggregate").contains("repository contains it: true")
                .contains(" 3. asked the aggregate to create an example (not saved yet)")
                .contains("the aggregate has 1, the repository's copy has 0")
                .contains(" 5. created two more examples and saved both in one atomic append")
                .contains("the repository's copy has 3")
                .contains(" 7. saved").contains("repository contains it: false")
                .containsPattern("\\s+\\d+\\s+1\\s+ExampleAggregateRoot\\.Created\\s+2\\d{3}-")
                .containsPattern("\\s+\\d+\\s+5\\s+ExampleAggregateRoot\\.Discarded\\s+2\\d{3}-")
                .contains("The store's last position is");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void the_default_store_is_the_in_memory_one() {
        assertThat(run()).isZero();
        assertThat(out.toString()).contains("on the in-memory store");
    }

    @Test
    void the_h2_store_keeps_the_events_of_earlier_runs() {
        // given
        run("--store", "h2");
        long firstRunEnd = lastPosition();
        // when
        run("--store", "h2");
        // then
        assertThat(lastPosition()).isEqualTo(firstRunEnd + 5);
    }

    private long lastPosition() {
        var matcher = java.util.regex.Pattern.compile("The store's last position is (\\d+)").matcher(out.toString());
        long last = -1;
        while (matcher.find()) {
            last = Long.parseLong(matcher.group(1));
        }
        return last;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres:jdbc:postgresql://127.0.0.1:1/nowhere", "h2:jdbc:h2:tcp://127.0.0.1:1/nowhere",
            "mongo:mongodb://127.0.0.1:1/nowhere"})
    void an_unreachable_database_prints_one_line_and_exits_with_2(String storeAndUrl) {
        // given
        String store = storeAndUrl.substring(0, storeAndUrl.indexOf(':'));
        String url = storeAndUrl.substring(store.length() + 1);
        // when
        int exit = run("--store", store, "--url", url);
        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("eventum-example: cannot open").contains("127.0.0.1:1");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void help_lists_the_stores() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--store").contains("inmemory, h2, postgres,").contains("mongo").contains("--url");
    }

    @Test
    void a_bad_option_prints_one_line_and_exits_with_2() {
        // when
        int exit = run("--store", "oracle");
        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--store").contains("oracle");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_url_for_the_in_memory_store_prints_one_line_and_exits_with_2() {
        assertThat(run("--url", "jdbc:h2:mem:x")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--url");
    }
}
