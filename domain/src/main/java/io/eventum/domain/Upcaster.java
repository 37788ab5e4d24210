package io.eventum.domain;

import java.util.Map;

/**
 * Turns the stored JSON of one schema version of a type into the JSON of the next version. The
 * JSON object comes as a mutable map (nested objects as maps, arrays as lists, numbers, strings,
 * booleans and nulls), so upcasters need no JSON library:
 *
 * <pre>{@code
 * .version(Opened.class, 3)
 * .upcaster(Opened.class, 1, json -> { json.put("currency", "EUR"); return json; })
 * .upcaster(Opened.class, 2, json -> { json.put("owner", json.remove("name")); return json; })
 * }</pre>
 *
 * Upcasters run only for stored data older than the current version; data at the current version
 * never goes through them.
 */
@FunctionalInterface
public interface Upcaster {

    /**
     * @param json the stored object at version {@code n}; may be changed in place
     * @return the object at version {@code n + 1}; not null
     */
    Map<String, Object> upcast(Map<String, Object> json);
}
