package io.eventum.store.jpa;

/**
 * How the store numbers events on PostgreSQL: by the id of the transaction that appends them, so
 * that appends from many writers never wait for each other, and still no reader skips an event.
 *
 * <p><b>The position.</b> An event's global position is {@code xid * 2^20 + n}: {@code xid} is the
 * 64-bit id ({@code xid8}, which never wraps around) of the top-level transaction that appends it,
 * {@code n} counts the events that transaction appended, from 1. Positions are therefore unique,
 * and ordered by transaction, then by append order within it; they have large gaps. Nothing is
 * shared between appends: no counter row, no sequence, no lock.
 *
 * <p><b>The readable horizon.</b> A transaction's id is handed out when it first writes, and any
 * transaction not yet finished has an id at least the oldest id still in progress,
 * {@code pg_snapshot_xmin(pg_current_snapshot())}. Readers by position ({@code readAll},
 * {@code lastPosition}) read only positions below {@code xmin * 2^20}: every transaction below
 * that has committed (and is visible to the query's snapshot) or rolled back, and every event that
 * can still become visible has a position at or above it. So a reader that has read up to p never
 * later sees an event at or below p. What a reader pays: an event becomes readable only once
 * every transaction that started writing before it has finished, so one long-running writing
 * transaction anywhere in the PostgreSQL cluster (the id is cluster-wide) holds readers back
 * until it ends. Readers wait; they never skip.
 *
 * <p>The earlier design, a counter row updated inside each append, ordered positions by commit
 * but made every append wait for the one before it to commit, flush included. Databases written
 * by it keep their positions (1, 2, 3, ...), which stay below every new one: its counter table is
 * no longer read or written on PostgreSQL. H2 keeps the counter row.
 */
final class TransactionPositions {

    /** 2^20: how many positions each transaction owns; it can append one event less than this. */
    static final long PER_TRANSACTION = 1L << 20;

    /**
     * The first position of the current transaction's range; assigns the transaction its id if it
     * has none yet. {@code xid8} has no cast to bigint: it goes through its text form.
     */
    static final String TRANSACTION_BASE_SQL = "CAST(CAST(pg_current_xact_id() AS text) AS bigint) * " + PER_TRANSACTION;

    /** A scalar subquery: positions below it are readable (see the class documentation). */
    static final String HORIZON_SQL = "(SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint) * "
            + PER_TRANSACTION + ")";

    private TransactionPositions() {
    }
}
