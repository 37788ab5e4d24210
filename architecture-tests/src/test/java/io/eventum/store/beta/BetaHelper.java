package io.eventum.store.beta;

/** A deliberately bad fixture: the adapter the other one wrongly uses. */
public class BetaHelper {
}
