package news.gateway.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * An article as the tests need it: its snapshot on {@code news.article-events} and article-service's reader JSON.
 * Every new article is published a little later than the one before it, and later than anything the shared broker
 * got from earlier tests, so a test's own articles are the newest the read models know.
 */
public record TestArticle(String id, String slug, String title, String section, Instant publishedAt, long version,
                          boolean published) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant BASE = Instant.now().plus(3650, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static TestArticle published(String section, String title) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant at = BASE.plusSeconds(SEQUENCE.incrementAndGet());
        return new TestArticle(id, "story-" + id.toLowerCase(), title, section, at, 1, true);
    }

    public TestArticle unpublished() {
        return new TestArticle(id, slug, title, section, publishedAt, version + 1, false);
    }

    public TestArticle retitled(String newTitle) {
        return new TestArticle(id, slug, newTitle, section, publishedAt, version + 1, published);
    }

    public TestArticle withVersion(long newVersion) {
        return new TestArticle(id, slug, title, section, publishedAt, newVersion, published);
    }

    public List<String> body() {
        return List.of("First paragraph of " + title + ".", "Second paragraph of " + title + ".");
    }

    /** The payload of news.article-events (article-snapshot.schema.json). */
    public String snapshotJson() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("articleId", id);
        s.put("slug", slug);
        s.put("title", title);
        s.put("section", section);
        s.put("source", "Defense Wire");
        s.put("byline", Map.of("name", "Mina Park", "email", "mina.park@example.com"));
        s.put("body", body());
        s.put("tags", List.of("test"));
        s.put("editorPick", false);
        s.put("editorPickedAt", null);
        s.put("status", published ? "published" : "unpublished");
        s.put("publishedAt", publishedAt.toString());
        s.put("updatedAt", publishedAt.plusSeconds(version).toString());
        s.put("version", version);
        return JSON.writeValueAsString(s);
    }

    /** What article-service answers to GET /api/articles/{id} (the article of the page API). */
    public String readerJson() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("slug", slug);
        a.put("title", title);
        a.put("section", section);
        a.put("source", "Defense Wire");
        a.put("byline", Map.of("name", "Mina Park", "email", "mina.park@example.com"));
        a.put("body", body());
        a.put("tags", List.of("test"));
        a.put("editorPick", false);
        a.put("publishedAt", publishedAt.toString());
        a.put("updatedAt", publishedAt.plusSeconds(version).toString());
        return JSON.writeValueAsString(a);
    }

    /** What comment-service answers to GET /api/articles/{id}/comments with the given texts, newest first. */
    public String commentsJson(List<String> texts) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            items.add(Map.of("id", "c" + i + id, "articleId", id, "author", Map.of("id", "bob", "name", "Bob"),
                    "text", texts.get(i), "postedAt", publishedAt.plusSeconds(60 + i).toString()));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", texts.size());
        page.put("maxLength", 300);
        page.put("items", items);
        page.put("next", null);
        return JSON.writeValueAsString(page);
    }
}
