/**
 * Eventum's JMH benchmarks: replay and append of the seed's aggregate, side by side with Axon
 * Framework and against floors. Run them with {@code benchmarks/run.sh}; {@code benchmarks/README.md} shows the results.
 */
package io.eventum.benchmarks;
