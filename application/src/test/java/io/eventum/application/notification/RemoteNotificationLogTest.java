package io.eventum.application.notification;

import io.eventum.application.codec.jackson.JacksonSectionFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteNotificationLogTest {

    private static final String ITEM = "{\"position\":1,\"aggregateId\":\"00000000-0000-0000-0000-000000000001\",\"version\":1,"
            + "\"type\":\"T\",\"timestamp\":\"2026-11-30T12:00:00Z\",\"metadata\":{},\"payload\":{\"a\":1}}";

    @ParameterizedTest
    @ValueSource(strings = {"1,100", "1,50"})
    void a_next_link_that_does_not_move_forward_fails_instead_of_looping(String next) {
        // given a log whose first section links to itself or back
        RemoteNotificationLog log = new RemoteNotificationLog(id -> new Section(id, List.of(), next), 100);
        // then
        assertThatThrownBy(() -> log.select(0, 10, Set.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1,100").hasMessageContaining("does not come after it");
    }

    @Test
    void a_well_formed_section_reads_back() {
        JacksonSectionFormat format = new JacksonSectionFormat();
        Section section = format.read(("{\"id\":\"1,100\",\"next\":null,\"items\":[" + ITEM + "]}").getBytes(StandardCharsets.UTF_8));
        assertThat(section.items()).singleElement().satisfies(event -> assertThat(event.payloadJson()).isEqualTo("{\"a\":1}"));
        assertThat(format.read(format.write(section))).isEqualTo(section);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"payload\":{\"a\":1}|\"payload\":\"text\"", "\"payload\":{\"a\":1}|\"payload\":[1]",
        "\"position\":1|\"position\":0", "\"version\":1|\"version\":-2", "\"metadata\":{}|\"metadata\":{\"k\":{\"x\":1}}",
        "\"metadata\":{}|\"metadata\":{\"k\":\"\\uD800\"}", "\"type\":\"T\"|\"type\":\"\"", "\"version\":1,|"})
    void an_item_that_no_store_writes_is_refused(String edit) {
        String[] replace = edit.split("\\|", -1);
        String item = ITEM.replace(replace[0], replace[1]);
        byte[] json = ("{\"id\":\"1,100\",\"next\":null,\"items\":[" + item + "]}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new JacksonSectionFormat().read(json)).as(item).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 0 of section 1,100");
    }
}
