/**
 * A shop of two aggregates, a cart and the order it becomes, saved together in one atomic append
 * with the acting user as metadata.
 */
package io.eventum.examples.shop;
