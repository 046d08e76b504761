package news.gateway.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import news.testsupport.ArticleEvents;
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

    /** Its snapshot on news.article-events (the shared fixture of article-service's events). */
    public ArticleEvents.Snapshot snapshot() {
        return ArticleEvents.snapshot(id).titled(title, section).with("slug", slug).with("body", body())
                .with("tags", List.of("test")).published(published, version)
                .at(publishedAt, publishedAt.plusSeconds(version));
    }

    /** The payload of news.article-events (article-snapshot.schema.json). */
    public String snapshotJson() {
        return snapshot().json();
    }

    /** What article-service answers to GET /api/articles/{id}: the snapshot's public fields, named for readers. */
    public String readerJson() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.putAll(snapshot().payload());
        List.of("articleId", "editorPickedAt", "status", "version").forEach(a::remove);
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
