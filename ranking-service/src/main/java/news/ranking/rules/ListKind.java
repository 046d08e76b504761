package news.ranking.rules;

import java.util.Arrays;
import java.util.Optional;

/** The two lists this service ranks, by the name they have in URLs, keys and payloads. */
public enum ListKind {

    POPULAR_NOW("popular-now"),
    MUST_READS("must-reads");

    private final String slug;

    ListKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<ListKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
