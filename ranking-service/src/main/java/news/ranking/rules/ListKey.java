package news.ranking.rules;

import java.util.Objects;

/**
 * One list: {@code {list}|{section}}, e.g. {@code popular-now|all} or {@code must-reads|Air Force}. The key of the
 * list's records on {@code news.rankings}, of its entry in the lists store, and of the internal topic that spreads the
 * lists over instances. {@link ListKinds#parse} reads one.
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

    public String value() {
        return kind.slug() + "|" + section;
    }

    @Override
    public String toString() {
        return value();
    }
}
