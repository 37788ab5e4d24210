/** Turns JMH's JSON into the tables, targets and chart that benchmarks/README.md shows. */
package io.eventum.benchmarks.report;
