/** Append benchmarks: a new aggregate's batch of 1, 10 or 100 events in one append, one subclass per store. */
package io.eventum.benchmarks.append;
