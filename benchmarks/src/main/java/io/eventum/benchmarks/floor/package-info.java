/**
 * The physical floors on PostgreSQL: the same database work as a store's load or append, done with
 * plain JDBC on a pooled HikariCP connection and nothing else, on the same embedded PostgreSQL with
 * the same durability settings. The report divides Eventum's PostgreSQL times by them.
 */
package io.eventum.benchmarks.floor;
