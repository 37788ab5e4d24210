package io.eventum.examples.shop;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.util.UUID;

/** An order, placed from a checked-out cart. */
public final class Order extends AggregateRoot<Order, Order.Event> {

    /** The order's events. */
    public sealed interface Event permits Placed {}

    /** The order was placed. */
    public record Placed(UUID cartId, String customer, long totalCents) implements Event {}

    /** The order's type. */
    public static final AggregateType<Order, Event> TYPE = AggregateType.of(Order.class, Event.class, Order::mutate);

    private final UUID cartId;
    private final long totalCents;

    private Order(Placed placed) {
        this.cartId = placed.cartId();
        this.totalCents = placed.totalCents();
    }

    static Order mutate(Order order, Event event) {
        return order != null ? order : new Order((Placed) event);
    }

    static Order place(UUID cartId, String customer, long totalCents) {
        return TYPE.create(new Placed(cartId, customer, totalCents));
    }

    /** The cart the order came from. */
    public UUID cartId() {
        return cartId;
    }

    /** What the order costs, in cents. */
    public long totalCents() {
        return totalCents;
    }
}
