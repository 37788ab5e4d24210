package io.eventum.examples.ddd;

import org.junit.jupiter.api.Test;

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

    @Test
    void the_default_run_prints_every_step_of_the_seed_and_the_stored_history() {
        // when
        int exit = run();
        // then
        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("on the in-memory store")
                .contains(" 1. created aggregate").contains("repository contains it: true")
                .contains(" 3. asked the aggregate to create an example (not saved yet)")
                .contains("the aggregate has 1, the repository's copy has 0")
                .contains(" 5. created two more examples and saved both in one atomic append")
                .contains("the repository's copy has 3")
                .contains(" 7. saved").contains("repository contains it: false")
                .containsPattern("\\s+1\\s+1\\s+ExampleAggregateRoot\\.Created\\s+2\\d{3}-")
                .containsPattern("\\s+5\\s+5\\s+ExampleAggregateRoot\\.Discarded\\s+2\\d{3}-");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void help_lists_the_stores() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--store").contains("inmemory").contains("--url");
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
