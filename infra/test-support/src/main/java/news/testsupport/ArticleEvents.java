package news.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import news.contracts.ContractNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Article snapshots on {@code news.article-events} as article-service writes them (article-snapshot.schema.json),
 * for every test that plays article-service. Start with {@link #snapshot(String)}, change what the test is about, and
 * take the {@link Snapshot#event() event}, its {@link Snapshot#json() JSON} or its {@link Snapshot#payload() fields}.
 * {@code ArticleEventsTest} checks every form against the schema with every object closed.
 */
public final class ArticleEvents {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** When a snapshot was published unless the test says otherwise. */
    public static final Instant PUBLISHED_AT = Instant.parse("2026-11-25T08:00:00Z");

    private ArticleEvents() {
    }

    /** A published article, version 1, in section Navy, with a slug, title, byline and body of its own. */
    public static Snapshot snapshot(String articleId) {
        return new Snapshot(articleId);
    }

    /** An article snapshot, its payload's fields in the schema's order; every method returns the same builder. */
    public static final class Snapshot {

        private final Map<String, Object> payload = new LinkedHashMap<>();

        private Snapshot(String articleId) {
            payload.put("articleId", articleId);
            payload.put("slug", "article-" + articleId.toLowerCase().replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", ""));
            payload.put("title", null);
            payload.put("section", null);
            payload.put("source", "Defense Wire");
            payload.put("byline", Map.of("name", "Mina Park", "email", "mina.park@example.com"));
            payload.put("body", null);
            payload.put("tags", List.of());
            payload.put("editorPick", false);
            payload.put("editorPickedAt", null);
            payload.put("status", "published");
            payload.put("publishedAt", null);
            payload.put("updatedAt", null);
            payload.put("version", 1L);
            titled("Navy commissions third Aegis destroyer", "Navy");
            at(PUBLISHED_AT, PUBLISHED_AT);
        }

        /** Its title and section, and a one-paragraph body that names the title. */
        public Snapshot titled(String title, String section) {
            payload.put("title", title);
            payload.put("section", section);
            payload.put("body", List.of("The first paragraph of " + title + "."));
            return this;
        }

        /** Any other field of the payload as it is, e.g. {@code slug}, {@code source}, {@code body}, {@code tags}. */
        public Snapshot with(String field, Object value) {
            if (!payload.containsKey(field)) {
                throw new IllegalArgumentException("an article snapshot has no field " + field + ": "
                        + payload.keySet());
            }
            payload.put(field, value);
            return this;
        }

        /** When it was first published and when this snapshot was written (also the event's time). */
        public Snapshot at(Instant publishedAt, Instant updatedAt) {
            payload.put("publishedAt", publishedAt.toString());
            payload.put("updatedAt", updatedAt.toString());
            return this;
        }

        /** An editor's pick or not; {@code at} is when it became one, null if that is not known. */
        public Snapshot editorPick(boolean picked, Instant at) {
            payload.put("editorPick", picked);
            payload.put("editorPickedAt", at == null ? null : at.toString());
            return this;
        }

        /** Published (the default) or unpublished, at its {@code version} (1 by default). */
        public Snapshot published(boolean published, long version) {
            payload.put("status", published ? "published" : "unpublished");
            payload.put("version", version);
            return this;
        }

        /**
         * The {@code ce_type} article-service gives it: {@code news.article.published} for version 1,
         * {@code news.article.updated} for a later published version, {@code news.article.unpublished}.
         */
        public String type() {
            if (!"published".equals(payload.get("status"))) {
                return ContractNames.ARTICLE_UNPUBLISHED;
            }
            return ((Number) payload.get("version")).longValue() == 1 ? ContractNames.ARTICLE_PUBLISHED
                    : ContractNames.ARTICLE_UPDATED;
        }

        /** The payload's fields: a new, changeable map each time (for broken variants). */
        public Map<String, Object> payload() {
            return new LinkedHashMap<>(payload);
        }

        public String json() {
            return JSON.writeValueAsString(payload);
        }

        /** The event, with a fresh {@code ce_id}, happening when the snapshot was written. */
        public TestEvent event() {
            return TestEvent.of(type(), (String) payload.get("articleId"),
                    Instant.parse((String) payload.get("updatedAt")), json());
        }
    }
}
