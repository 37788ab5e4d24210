/** The Axon Framework 4 side of the comparison: the same aggregate, repository and storage engines. */
package io.eventum.benchmarks.axon;
