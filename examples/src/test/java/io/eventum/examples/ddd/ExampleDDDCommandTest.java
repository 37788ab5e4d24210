package io.eventum.examples.ddd;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The example's command line, run in-process: every store on main, --help, bad options, the libraries' logs. */
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
                .containsPattern("\\s+\\d+\\s+1\\s+ExampleAggregateRoot\\.Created\\s+2\\d{3}-\\S+\\s+\\{}\\R")
                .containsPattern("\\s+\\d+\\s+2\\s+ExampleAggregateRoot\\.ExampleCreated\\s+2\\d{3}-\\S+\\s+"
                        + "\\{\"exampleId\": ?\"[0-9a-f-]{36}\"}\\R")
                .containsPattern("\\s+\\d+\\s+5\\s+ExampleAggregateRoot\\.Discarded\\s+2\\d{3}-\\S+\\s+\\{}\\R")
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

    @ParameterizedTest
    @ValueSource(strings = {"inmemory --url jdbc:h2:mem:x", "inmemory --user sa", "inmemory --password secret",
            "postgres --user postgres", "postgres --password secret",
            "mongo --user eventum", "mongo --url mongodb://127.0.0.1:1/nowhere --password secret"})
    void an_option_the_store_would_ignore_prints_one_line_naming_it_and_exits_with_2(String storeAndOptions) {
        // given
        String[] words = storeAndOptions.split(" ");
        String misused = words[words.length - 2];
        // when
        int exit = run(("--store " + storeAndOptions).split(" "));
        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("eventum-example: " + misused + " ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_user_and_password_go_with_a_postgres_url() {
        // when: accepted, so the run gets as far as connecting, and finds nothing there
        int exit = run("--store", "postgres", "--url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--user", "u", "--password", "p");
        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("eventum-example: cannot open the database at jdbc:postgresql://127.0.0.1:1/nowhere");
    }

    /** The root logger's level and handlers' levels as a test found them; the command changes them. */
    @Nested
    class LibraryLogs {

        private final Logger root = Logger.getLogger("");
        private final Level rootLevel = root.getLevel();
        private final Map<Handler, Level> handlerLevels = new HashMap<>();
        private final List<LogRecord> published = new CopyOnWriteArrayList<>();
        private final Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord logRecord) {
                published.add(logRecord);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        @BeforeEach
        void recordWhatTheRootLoggerPublishes() {
            for (Handler handler : root.getHandlers()) {
                handlerLevels.put(handler, handler.getLevel());
            }
            recorder.setLevel(Level.ALL);
            root.addHandler(recorder);
        }

        @AfterEach
        void restoreTheLevels() {
            root.removeHandler(recorder);
            root.setLevel(rootLevel);
            handlerLevels.forEach(Handler::setLevel);
        }

        private List<LogRecord> fromTheDatabaseOrThePool() {
            return published.stream().filter(r -> r.getLoggerName() != null
                    && (r.getLoggerName().startsWith("org.hibernate") || r.getLoggerName().startsWith("com.zaxxer.hikari"))).toList();
        }

        @Test
        void the_database_and_pool_say_only_warnings_and_errors_by_default() {
            // given: a level that would let INFO through, as the JDK's default configuration does
            root.setLevel(Level.INFO);
            // when
            int exit = run("--store", "h2");
            // then
            assertThat(exit).isZero();
            assertThat(published).allSatisfy(r -> assertThat(r.getLevel().intValue())
                    .as("%s %s: %s", r.getLevel(), r.getLoggerName(), r.getMessage()).isGreaterThanOrEqualTo(Level.WARNING.intValue()));
        }

        @Test
        void verbose_brings_back_their_info_logs() {
            // given
            root.setLevel(Level.WARNING);
            // when
            int exit = run("--store", "h2", "--verbose");
            // then
            assertThat(exit).isZero();
            assertThat(fromTheDatabaseOrThePool()).extracting(LogRecord::getLevel).contains(Level.INFO);
            assertThat(fromTheDatabaseOrThePool()).extracting(LogRecord::getLoggerName)
                    .anyMatch(name -> name.startsWith("org.hibernate")).anyMatch(name -> name.startsWith("com.zaxxer.hikari"));
        }
    }
}
