package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store makes H2 in a file write each commit before it returns, or refuses a factory that does not. */
class H2WriteAtCommitTest {

    @TempDir
    Path directory;

    private String plainFileUrl() {
        return "jdbc:h2:file:" + directory.resolve("events").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    }

    @Test
    void a_store_built_from_a_plain_h2_file_url_keeps_an_append_acknowledged_right_before_the_process_halts() {
        // given
        String url = plainFileUrl();
        try (ChildJvm child = ChildJvm.start(directory, "append-then-halt", url, "sa", "", "3")) {
            // when
            assertThat(child.awaitExit(Duration.ofSeconds(60))).as(child.errorsTail()).isZero();
            // then
            try (JpaEventStore store = JpaEventStore.builder().jdbcUrl(url, "sa", "").build()) {
                child.acknowledged().forEach((id, version) ->
                        assertThat(versions(store.read(id, AggregateQuery.all()))).as("aggregate %s", id).containsExactly(1L, 2L, 3L));
            }
            assertThat(child.acknowledged()).hasSize(1);
        }
    }

    @Test
    void the_url_gets_write_delay_zero_only_for_h2_databases_kept_outside_memory_that_do_not_set_it() {
        assertThat(H2Durability.writeAtCommit("jdbc:h2:file:/data/events;DB_CLOSE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/data/events;DB_CLOSE_DELAY=0;WRITE_DELAY=0");
        assertThat(H2Durability.writeAtCommit("jdbc:h2:tcp://db/events")).isEqualTo("jdbc:h2:tcp://db/events;WRITE_DELAY=0");
        assertThat(H2Durability.writeAtCommit("jdbc:h2:mem:events")).isEqualTo("jdbc:h2:mem:events");
        assertThat(H2Durability.writeAtCommit("jdbc:h2:./events;write_delay=200")).isEqualTo("jdbc:h2:./events;write_delay=200");
        assertThat(H2Durability.writeAtCommit("jdbc:postgresql://db/events")).isEqualTo("jdbc:postgresql://db/events");
    }

    @Test
    void a_store_on_an_applications_factory_refuses_an_h2_file_that_writes_commits_late() {
        try (TestDatabase.UserPersistenceUnit application = TestDatabase.H2.userPersistenceUnit(plainFileUrl())) {
            assertThatThrownBy(() -> JpaEventStore.builder().entityManagerFactory(application.factory()).build())
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("WRITE_DELAY").hasMessageContaining("500 ms");
        }
    }

    @Test
    void a_store_on_an_applications_factory_takes_an_h2_file_that_writes_at_commit() {
        try (TestDatabase.UserPersistenceUnit application = TestDatabase.H2.userPersistenceUnit(plainFileUrl() + ";WRITE_DELAY=0")) {
            JpaEventStore store = JpaEventStore.builder().entityManagerFactory(application.factory()).createSchema(true).build();
            assertThat(store.append(events(java.util.UUID.randomUUID(), 1, 2))).hasSize(2);
            store.close();
        }
    }
}
