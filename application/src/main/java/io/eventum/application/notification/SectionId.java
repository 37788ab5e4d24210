package io.eventum.application.notification;

/**
 * A section id, {@code "first,last"}: the range of positions a section covers.
 *
 * @param first the first position, at least 1
 * @param last the last position, at least {@code first}
 */
public record SectionId(long first, long last) {

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException if {@code first < 1} or {@code last < first}
     */
    public SectionId {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("section " + first + "," + last + " is not a range of positions from 1 up");
        }
    }

    /**
     * Parses {@code "first,last"}.
     *
     * @throws IllegalArgumentException naming the id if it is malformed
     */
    public static SectionId parse(String id) {
        if (id != null) {
            int comma = id.indexOf(',');
            if (comma > 0) {
                try {
                    return new SectionId(Long.parseLong(id.substring(0, comma).strip()), Long.parseLong(id.substring(comma + 1).strip()));
                } catch (NumberFormatException notNumbers) {
                    // reported below
                }
            }
        }
        throw new IllegalArgumentException("section id '" + id + "' is not \"first,last\" positions");
    }

    /** The section of {@code size} positions that holds {@code position}. */
    public static SectionId containing(long position, int size) {
        long first = (position - 1) / size * size + 1;
        return new SectionId(first, first + size - 1);
    }

    /** The section after this one, of the same size. */
    public SectionId next() {
        return new SectionId(last + 1, last + (last - first + 1));
    }

    @Override
    public String toString() {
        return first + "," + last;
    }
}
