package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.IndexOptions;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoEventStoreBuilderTest {

    private final MongoClient client = SharedMongo.client();

    @Test
    void the_builder_needs_exactly_one_of_a_connection_string_and_a_client_and_a_database() {
        assertThatThrownBy(() -> MongoEventStore.builder().database("db").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("neither");
        assertThatThrownBy(() -> MongoEventStore.builder().client(client).connectionString(SharedMongo.connectionString()).database("db").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> MongoEventStore.builder().client(client).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("name the database");
        assertThatThrownBy(() -> MongoEventStore.builder().connectionString("http://nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoEventStore.builder().database("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoEventStore.builder().collectionPrefix("$x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoEventStore.builder().readBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoEventStore.builder().snapshotsKept(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_database_can_come_from_the_connection_string_and_the_store_closes_the_client_it_created() {
        // given
        String connectionString = SharedMongo.connectionString().replace("/?", "/fromstring?");
        MongoEventStore store = MongoEventStore.builder().connectionString(connectionString).build();
        UUID id = UUID.randomUUID();
        // when
        store.append(events(id, 1, 1));
        store.close();
        // then
        assertThat(client.getDatabase("fromstring").getCollection("eventum_commits").countDocuments()).isEqualTo(1);
        assertThatThrownBy(() -> store.read(id, AggregateQuery.all())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_unacknowledged_write_concern_is_refused_because_conflicts_would_go_unseen() {
        assertThatThrownBy(() -> MongoEventStore.builder().connectionString(SharedMongo.connectionString() + "&w=0").database("db").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w=0");
    }

    @Test
    void a_store_built_on_a_client_leaves_it_open() {
        // given
        MongoEventStore store = MongoEventStore.builder().client(client).database(InProcessMongo.freshDatabase()).build();
        // when
        store.close();
        // then
        assertThat(client.listDatabaseNames().first()).isNotNull();
    }

    @Test
    void starting_again_on_an_existing_store_keeps_its_indexes_and_events() {
        // given
        String database = InProcessMongo.freshDatabase();
        UUID id = UUID.randomUUID();
        try (MongoEventStore first = MongoEventStore.builder().client(client).database(database).build()) {
            first.append(events(id, 1, 2));
        }
        // when
        try (MongoEventStore second = MongoEventStore.builder().client(client).database(database).build()) {
            second.append(events(id, 3, 3));
            // then
            assertThat(versions(second.read(id, AggregateQuery.all()))).containsExactly(1L, 2L, 3L);
        }
        List<String> indexes = client.getDatabase(database).getCollection("eventum_commits").listIndexes(BsonDocument.class)
                .map(index -> index.getString("name").getValue()).into(new ArrayList<>());
        assertThat(indexes).containsExactlyInAnyOrder("_id_", "eventum_event_keys", "eventum_aggregate_commits",
                "eventum_last_position", "eventum_tracking");
        assertThat(client.getDatabase(database).getCollection("eventum_snapshots").listIndexes(BsonDocument.class)
                .map(index -> index.getString("name").getValue()).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("_id_", "eventum_snapshot_versions");
    }

    @Test
    void stores_with_different_prefixes_share_a_database_without_seeing_each_other() {
        // given
        String database = InProcessMongo.freshDatabase();
        UUID id = UUID.randomUUID();
        try (MongoEventStore orders = MongoEventStore.builder().client(client).database(database).collectionPrefix("orders_").build();
             MongoEventStore billing = MongoEventStore.builder().client(client).database(database).collectionPrefix("").build()) {
            // when
            orders.append(events(id, 1, 2));
            billing.append(events(id, 1, 1));
            // then
            assertThat(orders.read(id, AggregateQuery.all())).hasSize(2);
            assertThat(billing.read(id, AggregateQuery.all())).hasSize(1);
            assertThat(client.getDatabase(database).listCollectionNames().into(new ArrayList<>())).contains("orders_commits", "commits");
        }
    }

    @Test
    void an_index_of_the_same_name_with_weaker_options_fails_the_start_clearly() {
        // given someone created the key index without `unique`
        String database = InProcessMongo.freshDatabase();
        client.getDatabase(database).getCollection("eventum_commits")
                .createIndex(new Document("keys", 1), new IndexOptions().name("eventum_event_keys"));
        // then
        assertThatThrownBy(() -> MongoEventStore.builder().client(client).database(database).build())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining(database + ".eventum_commits")
                .hasMessageContaining("creating the store's indexes failed")
                .hasMessageContaining("must be dropped first");
    }

    @Test
    void a_server_that_cannot_be_reached_fails_the_start_clearly() throws Exception {
        // given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String unreachable = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300";
        // then
        assertThatThrownBy(() -> MongoEventStore.builder().connectionString(unreachable).database("nowhere").build())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("nowhere.eventum_commits: creating the store's indexes failed: the server could not be reached");
    }
}
