package io.eventum.store.alpha;

import io.eventum.store.beta.BetaHelper;

/** A deliberately bad fixture: a store adapter that uses another adapter. */
public class AlphaStore {
    final BetaHelper helper = new BetaHelper();
}
