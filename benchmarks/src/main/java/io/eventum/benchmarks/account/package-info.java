/**
 * An aggregate whose state does not grow with its history, for the snapshot benchmarks: with it,
 * a load from a snapshot costs the same at 100 and at 100,000 events.
 */
package io.eventum.benchmarks.account;
