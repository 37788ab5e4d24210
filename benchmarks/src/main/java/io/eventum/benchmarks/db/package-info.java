/** The database engines the store benchmarks start for a trial: in-memory H2 and an embedded PostgreSQL. */
package io.eventum.benchmarks.db;
