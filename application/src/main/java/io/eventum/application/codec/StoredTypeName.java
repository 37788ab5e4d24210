package io.eventum.application.codec;

/**
 * How a type name and schema version are stored together in one string: version 1 is the bare
 * name ({@code "Account.Opened"}), later versions add {@code "@v"} and the number
 * ({@code "Account.Opened@v3"}). So data written before a type had versions reads as version 1, and
 * stores need no extra column. Registered names cannot contain {@code '@'}.
 *
 * @param name the type name
 * @param version the schema version, at least 1
 */
public record StoredTypeName(String name, int version) {

    private static final String SEPARATOR = "@v";

    /** The stored form of {@code name} at {@code version}. */
    public static String of(String name, int version) {
        return version == 1 ? name : name + SEPARATOR + version;
    }

    /**
     * Splits a stored type string into name and version.
     *
     * @throws IllegalArgumentException if the version part is not a number of at least 1
     */
    public static StoredTypeName parse(String stored) {
        int at = stored.lastIndexOf(SEPARATOR);
        if (at < 0) {
            return new StoredTypeName(stored, 1);
        }
        String number = stored.substring(at + SEPARATOR.length());
        try {
            int version = Integer.parseInt(number);
            if (version >= 1) {
                return new StoredTypeName(stored.substring(0, at), version);
            }
        } catch (NumberFormatException notANumber) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("stored type '" + stored + "' has a malformed schema version '" + number + "'");
    }
}
