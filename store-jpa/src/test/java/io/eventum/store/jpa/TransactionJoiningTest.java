package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A store built on an application's EntityManagerFactory joins the transaction open on the
 * application's current EntityManager: a read model and events commit, or roll back, together.
 */
class TransactionJoiningTest {

    /** The application: its persistence unit, its thread-bound EntityManager, and a store on both. */
    private static final class Application implements AutoCloseable {

        final TestDatabase.UserPersistenceUnit unit;
        final ThreadLocal<EntityManager> current = new ThreadLocal<>();
        final JpaEventStore store;

        Application(TestDatabase database) {
            unit = database.userPersistenceUnit(database.freshUrl(), ReadModelRow.class);
            store = JpaEventStore.builder().entityManagerFactory(unit.factory()).currentEntityManager(current::get)
                    .createSchema(true).build();
        }

        /** Opens an EntityManager, binds it to this thread and begins a transaction on it. */
        EntityManager begin() {
            EntityManager entityManager = unit.factory().createEntityManager();
            current.set(entityManager);
            entityManager.getTransaction().begin();
            return entityManager;
        }

        void commit(EntityManager entityManager) {
            entityManager.getTransaction().commit();
            release(entityManager);
        }

        void rollback(EntityManager entityManager) {
            entityManager.getTransaction().rollback();
            release(entityManager);
        }

        private void release(EntityManager entityManager) {
            current.remove();
            entityManager.close();
        }

        ReadModelRow readModelRow(UUID id) {
            EntityManager entityManager = unit.factory().createEntityManager();
            try {
                return entityManager.find(ReadModelRow.class, id);
            } finally {
                entityManager.close();
            }
        }

        @Override
        public void close() {
            store.close();
            unit.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void events_and_a_read_model_row_commit_together_with_the_callers_transaction(TestDatabase database) {
        try (Application application = new Application(database)) {
            // given
            UUID id = UUID.randomUUID();
            EntityManager entityManager = application.begin();
            entityManager.persist(new ReadModelRow(id, "three events"));
            application.store.append(events(id, 1, 3));
            // when
            application.commit(entityManager);
            // then
            assertThat(versions(application.store.read(id, AggregateQuery.all()))).containsExactly(1L, 2L, 3L);
            assertThat(application.readModelRow(id).note()).isEqualTo("three events");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rolling_back_the_callers_transaction_stores_no_events_and_no_read_model_row(TestDatabase database) {
        try (Application application = new Application(database)) {
            // given
            UUID id = UUID.randomUUID();
            EntityManager entityManager = application.begin();
            entityManager.persist(new ReadModelRow(id, "three events"));
            application.store.append(events(id, 1, 3));
            // when
            application.rollback(entityManager);
            // then
            assertThat(application.store.read(id, AggregateQuery.all())).isEmpty();
            assertThat(application.store.lastPosition()).isZero();
            assertThat(application.readModelRow(id)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reads_inside_the_callers_transaction_see_its_events_before_anyone_else(TestDatabase database) throws Exception {
        try (Application application = new Application(database)) {
            // given
            UUID id = UUID.randomUUID();
            EntityManager entityManager = application.begin();
            List<Long> positions = application.store.append(events(id, 1, 2));
            // when
            List<Long> seenInside = versions(application.store.read(id, AggregateQuery.all()));
            long seenOutside = CompletableFuture.supplyAsync(application.store::lastPosition).get(30, TimeUnit.SECONDS);
            application.commit(entityManager);
            // then
            assertThat(seenInside).containsExactly(1L, 2L);
            assertThat(seenOutside).isZero();
            assertThat(application.store.lastPosition()).isEqualTo(positions.get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_conflict_inside_the_callers_transaction_is_named_and_leaves_that_transaction_usable(TestDatabase database) {
        try (Application application = new Application(database)) {
            // given
            UUID id = UUID.randomUUID();
            application.store.append(events(id, 1, 2));
            EntityManager entityManager = application.begin();
            entityManager.persist(new ReadModelRow(id, "after the conflict"));
            // when
            ConcurrencyConflictException conflict = catchThrowableOfType(ConcurrencyConflictException.class,
                    () -> application.store.append(events(id, 2, 3)));
            application.store.append(events(id, 3, 3));
            application.commit(entityManager);
            // then
            assertThat(conflict).isNotNull();
            assertThat(conflict.aggregateId()).isEqualTo(id);
            assertThat(conflict.version()).isEqualTo(2L);
            assertThat(versions(application.store.read(id, AggregateQuery.all()))).containsExactly(1L, 2L, 3L);
            assertThat(application.readModelRow(id).note()).isEqualTo("after the conflict");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void without_an_open_transaction_the_store_commits_on_its_own(TestDatabase database) throws Exception {
        try (Application application = new Application(database)) {
            // given an EntityManager bound to the thread, with no transaction on it
            EntityManager idle = application.unit.factory().createEntityManager();
            application.current.set(idle);
            UUID id = UUID.randomUUID();
            // when
            application.store.append(events(id, 1, 2));
            // then another thread sees the events at once
            assertThat(CompletableFuture.supplyAsync(() -> application.store.read(id, AggregateQuery.all()))
                    .get(30, TimeUnit.SECONDS)).hasSize(2);
            application.current.remove();
            idle.close();
        }
    }

    @Test
    void on_h2_an_append_waits_for_an_open_joined_append_and_gets_later_positions() throws Exception {
        try (Application application = new Application(TestDatabase.H2)) {
            // given a caller's transaction that has appended and not committed
            EntityManager entityManager = application.begin();
            List<Long> first = application.store.append(events(UUID.randomUUID(), 1, 2));
            // when another thread appends
            CompletableFuture<List<Long>> second = CompletableFuture.supplyAsync(
                    () -> application.store.append(events(UUID.randomUUID(), 1, 1)));
            // then it waits for the open transaction (H2 hands out positions from a counter row),
            // and follows it once that commits
            assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            application.commit(entityManager);
            assertThat(second.get(30, TimeUnit.SECONDS)).singleElement().isEqualTo(first.get(1) + 1);
        }
    }

    @Test
    void on_postgres_an_append_does_not_wait_for_an_open_joined_append_and_readers_wait_for_both() throws Exception {
        try (Application application = new Application(TestDatabase.POSTGRESQL)) {
            // given a caller's transaction that has appended and not committed
            EntityManager entityManager = application.begin();
            List<Long> first = application.store.append(events(UUID.randomUUID(), 1, 2));
            // when another thread appends, and commits
            List<Long> second = CompletableFuture.supplyAsync(() -> application.store.append(events(UUID.randomUUID(), 1, 1)))
                    .get(30, TimeUnit.SECONDS);
            long readableWhileOpen = CompletableFuture.supplyAsync(application.store::lastPosition).get(30, TimeUnit.SECONDS);
            int pageWhileOpen = CompletableFuture.supplyAsync(() -> application.store.readAll(GlobalQuery.after(0, 10)))
                    .get(30, TimeUnit.SECONDS).size();
            application.commit(entityManager);
            // then the second append did not wait, took a later position, and became readable only
            // with the first, which took the lower positions
            assertThat(second.get(0)).isGreaterThan(first.get(1));
            assertThat(readableWhileOpen).isZero();
            assertThat(pageWhileOpen).isZero();
            assertThat(application.store.readAll(GlobalQuery.after(0, 10))).extracting(StoredEvent::position)
                    .containsExactly(first.get(0), first.get(1), second.get(0));
            assertThat(application.store.lastPosition()).isEqualTo(second.get(0));
        }
    }

    @Test
    void on_postgres_the_appends_of_one_callers_transaction_take_increasing_positions() {
        try (Application application = new Application(TestDatabase.POSTGRESQL)) {
            // given
            EntityManager entityManager = application.begin();
            // when one transaction appends three times
            List<Long> first = application.store.append(events(UUID.randomUUID(), 1, 2));
            List<Long> second = application.store.append(events(UUID.randomUUID(), 1, 3));
            List<Long> third = application.store.append(events(UUID.randomUUID(), 1, 1));
            application.commit(entityManager);
            // then
            List<Long> all = new java.util.ArrayList<>(first);
            all.addAll(second);
            all.addAll(third);
            assertThat(all).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(all.size() - 1) - all.get(0)).isEqualTo(5);
            assertThat(application.store.readAll(GlobalQuery.after(0, 10))).extracting(StoredEvent::position)
                    .containsExactlyElementsOf(all);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closing_the_store_leaves_the_applications_factory_open(TestDatabase database) {
        try (Application application = new Application(database)) {
            // when
            application.store.close();
            // then
            assertThat(application.unit.factory().isOpen()).isTrue();
            assertThatThrownBy(application.store::lastPosition).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

}
