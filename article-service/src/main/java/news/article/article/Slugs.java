package news.article.article;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;

/**
 * URL names of articles: derived once from the title when the article is created and never changed afterwards, so
 * links keep working when an editor corrects a title. A title that yields the slug of another article gets the
 * first free numeric suffix ({@code -2}, {@code -3}, ...).
 */
final class Slugs {

    static final int MAX_BASE = 200;
    static final String FALLBACK = "article";

    private Slugs() {
    }

    /** Lower-case ASCII words joined by hyphens; accents are dropped, other scripts fall back to "article". */
    static String base(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_BASE) {
            int cut = slug.lastIndexOf('-', MAX_BASE);
            slug = slug.substring(0, cut > 0 ? cut : MAX_BASE).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** {@code base} itself when no article has it, else {@code base-n} with the smallest free n from 2. */
    static String firstFree(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Whether a path segment can be a slug at all; anything else is answered 404 without a look-up. */
    static boolean plausible(String slug) {
        return slug != null && slug.length() <= MAX_BASE + 20 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
