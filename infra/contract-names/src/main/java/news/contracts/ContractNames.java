package news.contracts;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The event contract's names and forms as Java constants, for the services that write and read the events. The
 * contract itself is {@code infra/contracts} (topics.yaml and the JSON Schemas); {@code ContractNamesTest} there
 * fails when a constant here and the contract disagree, so each fact is typed once in code and once in the contract.
 */
public final class ContractNames {

    /** {@code ce_type} of an article snapshot on {@code news.article-events}: first publication. */
    public static final String ARTICLE_PUBLISHED = "news.article.published";
    /** {@code ce_type} of an article snapshot: a change to a published article, or a republication. */
    public static final String ARTICLE_UPDATED = "news.article.updated";
    /** {@code ce_type} of an article snapshot: the article left the site. */
    public static final String ARTICLE_UNPUBLISHED = "news.article.unpublished";
    /** Every {@code ce_type} of {@code news.article-events}. */
    public static final Set<String> ARTICLE_EVENT_TYPES = Set.of(ARTICLE_PUBLISHED, ARTICLE_UPDATED,
            ARTICLE_UNPUBLISHED);

    /** {@code ce_type} on {@code news.article-views}. */
    public static final String ARTICLE_VIEWED = "news.article.viewed";
    /** {@code ce_type} on {@code news.article-shares}. */
    public static final String ARTICLE_SHARED = "news.article.shared";
    /** {@code ce_type} of a new comment on {@code news.comment-events}. */
    public static final String COMMENT_POSTED = "news.comment.posted";
    /** {@code ce_type} of a removed comment on {@code news.comment-events}. */
    public static final String COMMENT_REMOVED = "news.comment.removed";
    /** Every {@code ce_type} of {@code news.comment-events}. */
    public static final Set<String> COMMENT_EVENT_TYPES = Set.of(COMMENT_POSTED, COMMENT_REMOVED);
    /** {@code ce_type} on {@code news.rankings}. */
    public static final String RANKING_UPDATED = "news.ranking.updated";

    /**
     * The {@code ce_dataschema} of every event type: the {@code $id} of the JSON Schema its payload follows (the
     * schema named for the type in topics.yaml).
     */
    public static final Map<String, String> DATA_SCHEMAS = Map.of(
            ARTICLE_PUBLISHED, Schemas.ARTICLE_SNAPSHOT, ARTICLE_UPDATED, Schemas.ARTICLE_SNAPSHOT,
            ARTICLE_UNPUBLISHED, Schemas.ARTICLE_SNAPSHOT, ARTICLE_VIEWED, Schemas.BASE + "article-viewed.schema.json",
            ARTICLE_SHARED, Schemas.BASE + "article-shared.schema.json",
            COMMENT_POSTED, Schemas.BASE + "comment-posted.schema.json",
            COMMENT_REMOVED, Schemas.BASE + "comment-removed.schema.json",
            RANKING_UPDATED, Schemas.BASE + "ranking-updated.schema.json");

    /**
     * The form of an article or comment id, as a regular expression for {@code Pattern.matches}: what the schemas
     * say of {@code articleId} and {@code commentId} (their pattern, 1 to 64 characters).
     */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    /** {@link #ID_PATTERN}, compiled once. */
    public static final Pattern ID = Pattern.compile(ID_PATTERN);
    /** The longest id, in characters. */
    public static final int ID_MAX_LENGTH = 64;

    private ContractNames() {
    }

    private static final class Schemas {
        static final String BASE = "https://news-platform.example/contracts/schemas/";
        static final String ARTICLE_SNAPSHOT = BASE + "article-snapshot.schema.json";
    }
}
