/** The in-memory event and snapshot store: the JVM is its engine. */
package io.eventum.store.inmemory;
