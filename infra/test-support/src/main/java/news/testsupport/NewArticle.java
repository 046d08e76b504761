package news.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an editor sends to create an article ({@code POST /api/articles}), valid as it is. */
public final class NewArticle {

    private NewArticle() {
    }

    /** A valid body with this title and section, to change or add to (e.g. {@code publish}). */
    public static Map<String, Object> body(String title, String section) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", title);
        article.put("section", section);
        article.put("source", "Defense Wire");
        article.put("byline", Map.of("name", "Mina Park", "email", "mina.park@example.com"));
        article.put("body", List.of("First paragraph of " + title + ".", "Second paragraph."));
        article.put("tags", List.of("test"));
        return article;
    }
}
