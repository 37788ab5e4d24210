package io.eventum.examples.shop;

import io.eventum.application.Application;
import io.eventum.application.store.EventStore;

import java.util.Map;
import java.util.UUID;

/**
 * Two aggregates, one save: checking a cart out changes the cart and creates an order, and both
 * are appended in ONE atomic append, with the acting user stored as metadata on every event.
 */
public final class Shop extends Application {

    /** A shop over {@code store}. */
    public Shop(EventStore store) {
        super(builder(store).aggregate(Cart.TYPE, Order.TYPE));
    }

    /** Checks the cart out as {@code user}; returns the new order's id. */
    public UUID checkOut(UUID cartId, String user) {
        // tag::shop[]
        Cart cart = repository(Cart.TYPE).get(cartId);
        Order order = cart.checkOut();                          // changes the cart, creates the order
        save(Map.of("userId", user), cart, order);              // ONE atomic append of both, the user on every event
        // end::shop[]
        return order.id();
    }
}
