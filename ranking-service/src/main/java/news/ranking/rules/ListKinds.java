package news.ranking.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lists this service ranks, as configured, in their order, and the measures they count. */
public final class ListKinds {

    private final Map<String, ListKind> bySlug = new LinkedHashMap<>();
    private final List<Measure> measures;

    public ListKinds(List<ListKind> kinds, List<Measure> measures) {
        this.measures = List.copyOf(measures);
        for (ListKind kind : kinds) {
            for (String measure : kind.measures()) {
                if (measures.stream().noneMatch(m -> m.name().equals(measure))) {
                    throw new IllegalArgumentException("news.ranking.lists." + kind.slug() + ".counts: unknown measure '"
                            + measure + "'; the measures are " + measures.stream().map(Measure::name).toList());
                }
            }
            bySlug.put(kind.slug(), kind);
        }
        if (bySlug.isEmpty()) {
            throw new IllegalArgumentException("news.ranking.lists must define at least one list");
        }
    }

    public List<ListKind> all() {
        return List.copyOf(bySlug.values());
    }

    public Optional<ListKind> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The list key of a stored or published list, or empty when it is not one. */
    public Optional<ListKey> parse(String value) {
        int bar = value == null ? -1 : value.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        return bySlug(value.substring(0, bar)).map(kind -> new ListKey(kind, value.substring(bar + 1)));
    }

    /** "popular-now, must-reads or most-shared", for messages. */
    public String slugs() {
        List<String> slugs = List.copyOf(bySlug.keySet());
        if (slugs.size() == 1) {
            return slugs.get(0);
        }
        return slugs.subList(0, slugs.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + slugs.get(slugs.size() - 1);
    }

    /** Every measure, in a fixed order: a measure's index here is how the stages refer to it. */
    public List<Measure> measures() {
        return measures;
    }

    public int measureIndex(String name) {
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown measure " + name);
    }
}
