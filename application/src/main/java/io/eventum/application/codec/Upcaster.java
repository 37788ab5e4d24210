package io.eventum.application.codec;

import java.util.Map;

/**
 * Turns the stored JSON of one schema version of a type into the JSON of the next version. The
 * JSON object comes as a mutable map (nested objects as maps, arrays as lists, numbers, strings,
 * booleans and nulls), so upcasters need no JSON library:
 *
 * <pre>{@code
 * .upcaster("Account.Opened", 1, json -> { json.put("currency", "EUR"); return json; })
 * .upcaster("Account.Opened", 2, json -> { json.put("owner", json.remove("name")); return json; })
 * }</pre>
 *
 * Upcasters run only for stored data older than the registered version; data at the current
 * version never goes through them.
 */
@FunctionalInterface
public interface Upcaster {

    /**
     * @param json the stored object at version {@code n}; may be changed in place
     * @return the object at version {@code n + 1}
     */
    Map<String, Object> upcast(Map<String, Object> json);
}
