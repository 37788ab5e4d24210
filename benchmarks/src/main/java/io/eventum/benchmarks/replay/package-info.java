/**
 * Replay benchmarks: one {@code Repository.get(id)} (or Axon's {@code load}) of an aggregate of N
 * events per operation, one subclass per store, and the floors on the same events.
 */
package io.eventum.benchmarks.replay;
