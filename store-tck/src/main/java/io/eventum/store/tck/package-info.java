/**
 * The store contract: the executable specification every Eventum store adapter passes. Start at
 * {@link io.eventum.store.tck.StoreContract}.
 */
package io.eventum.store.tck;
