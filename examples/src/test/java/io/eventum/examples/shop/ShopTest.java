package io.eventum.examples.shop;

import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import io.eventum.store.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Shop shop = new Shop(store);

    private UUID cartWithTwoItems() {
        Cart cart = Cart.open("ada");
        cart.add("tea", 2, 450);
        cart.add("cup", 1, 1200);
        shop.save(cart);
        return cart.id();
    }

    @Test
    void checking_out_saves_the_cart_and_the_new_order_in_one_append_with_the_user_on_every_event() {
        // given
        UUID cartId = cartWithTwoItems();
        long before = store.lastPosition();
        // when
        UUID orderId = shop.checkOut(cartId, "clerk-7");
        // then
        List<StoredEvent> appended = store.readAll(GlobalQuery.after(before, 100));
        assertThat(appended).extracting(StoredEvent::type).containsExactly("Cart.CheckedOut", "Order.Placed");
        assertThat(appended).extracting(StoredEvent::aggregateId).containsExactly(cartId, orderId);
        assertThat(appended).allSatisfy(event -> assertThat(event.metadata()).containsEntry("userId", "clerk-7"));
        assertThat(shop.repository(Order.TYPE).get(orderId).totalCents()).isEqualTo(2100);
        assertThat(shop.repository(Cart.TYPE).get(cartId).isCheckedOut()).isTrue();
    }

    @Test
    void a_cart_checked_out_concurrently_stores_no_second_order() {
        // given two clerks who loaded the same cart
        UUID cartId = cartWithTwoItems();
        Cart first = shop.repository(Cart.TYPE).get(cartId);
        Cart second = shop.repository(Cart.TYPE).get(cartId);
        shop.save(first, first.checkOut());
        long after = store.lastPosition();
        // when the second checks out too
        Order duplicate = second.checkOut();
        // then nothing of the second save is stored: not the cart's event, not the order
        assertThatThrownBy(() -> shop.save(second, duplicate)).isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.lastPosition()).isEqualTo(after);
        assertThat(shop.repository(Order.TYPE).contains(duplicate.id())).isFalse();
    }
}
