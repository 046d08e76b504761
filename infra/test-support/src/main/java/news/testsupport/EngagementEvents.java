package news.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import news.contracts.ContractNames;

/**
 * Views and shares (article-service) and comments (comment-service) as their producers write them, for every test
 * that plays one of them. {@code ArticleEventsTest} checks each against its schema with every object closed.
 */
public final class EngagementEvents {

    private EngagementEvents() {
    }

    /** {@code news.article.viewed} by {@code reader} (hashed as the producer would), a person or a bot. */
    public static TestEvent view(String articleId, String section, String reader, boolean bot, Instant viewedAt) {
        return TestEvent.of(ContractNames.ARTICLE_VIEWED, articleId, viewedAt, json(viewPayload(articleId, section,
                reader, bot, viewedAt)));
    }

    public static Map<String, Object> viewPayload(String articleId, String section, String reader, boolean bot,
                                                  Instant viewedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("articleId", articleId);
        p.put("section", section);
        p.put("readerHash", readerHash(reader));
        p.put("agent", bot ? "bot" : "human");
        p.put("viewedAt", viewedAt.toString());
        return p;
    }

    /** {@code news.article.shared} by {@code reader} over KakaoTalk. */
    public static TestEvent share(String articleId, String section, String reader, Instant sharedAt) {
        return TestEvent.of(ContractNames.ARTICLE_SHARED, articleId, sharedAt, json(sharePayload(articleId, section,
                reader, sharedAt)));
    }

    public static Map<String, Object> sharePayload(String articleId, String section, String reader, Instant sharedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("articleId", articleId);
        p.put("section", section);
        p.put("channel", "kakaotalk");
        p.put("readerHash", readerHash(reader));
        p.put("sharedAt", sharedAt.toString());
        return p;
    }

    /** {@code news.comment.posted}: a short comment of reader-4711. */
    public static TestEvent commentPosted(String commentId, String articleId, Instant postedAt) {
        return TestEvent.of(ContractNames.COMMENT_POSTED, articleId, postedAt,
                json(commentPayload(commentId, articleId, postedAt)));
    }

    public static Map<String, Object> commentPayload(String commentId, String articleId, Instant postedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("commentId", commentId);
        p.put("articleId", articleId);
        p.put("authorId", "reader-4711");
        p.put("text", "Good to see this reported.");
        p.put("postedAt", postedAt.toString());
        return p;
    }

    public static TestEvent commentRemoved(String commentId, String articleId, Instant removedAt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("commentId", commentId);
        p.put("articleId", articleId);
        p.put("removedAt", removedAt.toString());
        return TestEvent.of(ContractNames.COMMENT_REMOVED, articleId, removedAt, json(p));
    }

    /** A salted SHA-256 of the reader, 64 hex digits as the schema wants (the producer's key is its own). */
    public static String readerHash(String reader) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("test-salt:" + reader).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> payload) {
        return ArticleEvents.JSON.writeValueAsString(payload);
    }
}
