package io.eventum.store.jpa;

import io.eventum.store.tck.TestEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a stream is read in the key's index order, with no sort: a sort would read every row
 * after the page's start for each page, so a long stream's load would grow with the square of its
 * length (it did on H2, whose planner sorts unless ORDER BY names the index's columns from the first).
 */
class StreamQueryPlanTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_page_forward_and_a_page_backward_are_read_in_index_order(TestDatabase database) throws SQLException {
        // given
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        try (JpaEventStore store = database.storeWithSchema(url); // open: an in-memory H2 database lives while it does
             Connection connection = DriverManager.getConnection(url, database.user(), database.password());
             Statement statement = connection.createStatement()) {
            store.append(TestEvents.events(id, 1, 2_000));
            if (database == TestDatabase.POSTGRESQL) {
                // a table this small may be cheaper to scan whole; the question is whether the index order is usable
                statement.execute("SET enable_seqscan = off");
            }
            // when
            String forward = plan(statement, EventReader.ASCENDING_PAGE, id, 1_000, Long.MAX_VALUE, 500);
            String backward = plan(statement, EventReader.DESCENDING_PAGE, id, 0, 1_500, 1);
            // then
            for (String plan : new String[] {forward, backward}) {
                if (database == TestDatabase.H2) {
                    assertThat(plan).contains("index sorted");
                } else {
                    assertThat(plan).contains("Index Scan").doesNotContain("Sort");
                }
            }
        }
    }

    /** The database's plan for {@code sql} with its four parameters: aggregate, after, up to, rows. */
    private static String plan(Statement statement, String sql, UUID id, long after, long upTo, int rows) throws SQLException {
        String bound = sql.replaceFirst("\\?", "'" + id + "'").replaceFirst("\\?", Long.toString(after))
                .replaceFirst("\\?", Long.toString(upTo)).replaceFirst("\\?", Integer.toString(rows));
        StringBuilder plan = new StringBuilder();
        try (ResultSet result = statement.executeQuery("EXPLAIN " + bound)) {
            while (result.next()) {
                plan.append(result.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
