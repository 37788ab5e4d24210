package io.eventum.examples.shop;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.util.ArrayList;
import java.util.List;

/** A shopping cart: items go in until it is checked out; then it takes no more. */
public final class Cart extends AggregateRoot<Cart, Cart.Event> {

    /** The cart's events. */
    public sealed interface Event permits Opened, ItemAdded, CheckedOut {}

    /** The cart was opened for a customer. */
    public record Opened(String customer) implements Event {}

    /** An item went into the cart. */
    public record ItemAdded(String sku, int quantity, long priceCents) implements Event {}

    /** The cart became an order. */
    public record CheckedOut() implements Event {}

    /** The cart's type. */
    public static final AggregateType<Cart, Event> TYPE = AggregateType.of(Cart.class, Event.class, Cart::mutate);

    private final String customer;
    private final List<ItemAdded> items = new ArrayList<>();
    private boolean checkedOut;

    private Cart(String customer) {
        this.customer = customer;
    }

    static Cart mutate(Cart cart, Event event) {
        if (event instanceof Opened opened) return new Cart(opened.customer());
        if (event instanceof ItemAdded added) cart.items.add(added);
        if (event instanceof CheckedOut) cart.checkedOut = true;
        return cart;
    }

    /** Opens a cart for {@code customer}. */
    public static Cart open(String customer) {
        return TYPE.create(new Opened(customer));
    }

    /** Adds an item; a checked-out cart refuses. */
    public void add(String sku, int quantity, long priceCents) {
        if (checkedOut) throw new IllegalStateException("cart " + id() + " is checked out");
        if (quantity < 1) throw new IllegalArgumentException("cart " + id() + ": quantity must be at least 1, was " + quantity);
        apply(new ItemAdded(sku, quantity, priceCents));
    }

    /** Checks the cart out and returns the order it becomes; save both together. */
    public Order checkOut() {
        if (checkedOut || items.isEmpty()) throw new IllegalStateException("cart " + id() + " is empty or checked out");
        apply(new CheckedOut());
        return Order.place(id(), customer, items.stream().mapToLong(item -> item.quantity() * item.priceCents()).sum());
    }

    /** Whether the cart was checked out. */
    public boolean isCheckedOut() {
        return checkedOut;
    }
}
