/**
 * Many writers: 1, 4 and 16 threads, each appending 1-event batches to new aggregates of its own,
 * through Eventum's store port, Axon's JDBC storage engine and the JDBC floor, on the embedded
 * PostgreSQL. JMH's {@code SampleTime} mode gives each append's latency (mean, p50, p99); the
 * report turns the mean into events per second across the threads.
 */
package io.eventum.benchmarks.writers;
