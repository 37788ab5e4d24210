/** Turns JMH's JSON into the README's table, targets and chart. */
package io.eventum.benchmarks.report;
