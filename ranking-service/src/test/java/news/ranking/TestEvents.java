package news.ranking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.kit.cloudevents.CloudEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as the producers write them (payloads valid against {@code infra/contracts/schemas}, CloudEvents headers),
 * for tests of the topology and of the running service.
 */
public final class TestEvents {

    public static final String ARTICLE_SERVICE = "/article-service";
    public static final String COMMENT_SERVICE = "/comment-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /** An article snapshot; {@code editorPickedAt} may be null. */
    public static CloudEvent article(String articleId, String section, String title, boolean published,
                                     Instant publishedAt, boolean editorPick, Instant editorPickedAt, long version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("articleId", articleId);
        p.put("slug", "article-" + articleId.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
        p.put("title", title);
        p.put("section", section);
        p.put("source", "Defense Wire");
        p.put("byline", Map.of("name", "Mina Park", "email", "mina.park@example.com"));
        p.put("body", List.of("The first paragraph of " + title + "."));
        p.put("tags", List.of());
        p.put("editorPick", editorPick);
        p.put("editorPickedAt", editorPickedAt == null ? null : editorPickedAt.toString());
        p.put("status", published ? "published" : "unpublished");
        p.put("publishedAt", publishedAt.toString());
        p.put("updatedAt", publishedAt.toString());
        p.put("version", version);
        String type = published ? (version == 1 ? "news.article.published" : "news.article.updated")
                : "news.article.unpublished";
        return event(type, ARTICLE_SERVICE, articleId, publishedAt, p);
    }

    public static CloudEvent view(String articleId, String section, String reader, boolean bot, Instant viewedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("articleId", articleId);
        p.put("section", section);
        p.put("readerHash", readerHash(reader));
        p.put("agent", bot ? "bot" : "human");
        p.put("viewedAt", viewedAt.toString());
        return event("news.article.viewed", ARTICLE_SERVICE, articleId, viewedAt, p);
    }

    public static CloudEvent share(String articleId, String section, String reader, Instant sharedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("articleId", articleId);
        p.put("section", section);
        p.put("channel", "kakaotalk");
        p.put("readerHash", readerHash(reader));
        p.put("sharedAt", sharedAt.toString());
        return event("news.article.shared", ARTICLE_SERVICE, articleId, sharedAt, p);
    }

    public static CloudEvent commentPosted(String commentId, String articleId, Instant postedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("commentId", commentId);
        p.put("articleId", articleId);
        p.put("authorId", "reader-4711");
        p.put("text", "Good to see this reported.");
        p.put("postedAt", postedAt.toString());
        return event("news.comment.posted", COMMENT_SERVICE, articleId, postedAt, p);
    }

    public static CloudEvent commentRemoved(String commentId, String articleId, Instant removedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("commentId", commentId);
        p.put("articleId", articleId);
        p.put("removedAt", removedAt.toString());
        return event("news.comment.removed", COMMENT_SERVICE, articleId, removedAt, p);
    }

    /** The salted SHA-256 the article service would send for a reader. */
    public static String readerHash(String reader) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("test-salt:" + reader).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CloudEvent event(String type, String source, String articleId, Instant time,
                                    Map<String, Object> payload) {
        return new CloudEvent(UUID.randomUUID().toString(), type, source, articleId, time,
                JSON.writeValueAsString(payload), null);
    }
}
