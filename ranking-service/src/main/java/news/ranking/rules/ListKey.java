package news.ranking.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One list: {@code {list}|{section}}, e.g. {@code popular-now|all} or {@code must-reads|Air Force}. The key of the
 * list's records on {@code news.rankings}, of its entry in the lists store, and of the internal topic that spreads the
 * lists over instances.
 */
public record ListKey(ListKind kind, String section) {

    /** The section of the lists over every section. */
    public static final String ALL = "all";

    public ListKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(section, "section");
    }

    public static ListKey of(ListKind kind, String section) {
        return new ListKey(kind, section);
    }

    /** The key of a stored or published list, or empty when it is not one. */
    public static Optional<ListKey> parse(String value) {
        int bar = value == null ? -1 : value.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        return ListKind.fromSlug(value.substring(0, bar)).map(kind -> new ListKey(kind, value.substring(bar + 1)));
    }

    public String value() {
        return kind.slug() + "|" + section;
    }

    @Override
    public String toString() {
        return value();
    }
}
