package io.eventum.examples.quickstart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuickStartTest {

    @Test
    void the_quick_start_saves_and_reloads_the_dog() {
        assertThat(QuickStart.run()).containsExactly("roll over");
    }
}
