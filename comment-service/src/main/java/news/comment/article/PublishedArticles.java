package news.comment.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.client.result.UpdateResult;

/**
 * Which articles take comments: those whose latest known snapshot is published.
 *
 * <p>Every post asks, so the answer is kept in memory for {@code news.comments.read-cache-ttl} (the memory of the
 * comment lists, {@code RecentReads}, lives as long), and dropped at once when this instance applies a snapshot of the
 * article. The instances of comment-service share one consumer group, so a snapshot another instance applied is
 * seen here within that time: an article unpublished takes comments at most that much longer than the topic has
 * told the replica. Measured, the lookup cost each post as much CPU as storing the comment.
 */
@Component
public class PublishedArticles {

    private static final int MAX_ARTICLES = 10_000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Cache<String, Boolean> takingComments;

    @Autowired
    PublishedArticles(MongoTemplate mongo, Clock clock, @Value("${news.comments.read-cache-ttl}") Duration ttl) {
        this(mongo, clock, ttl, Ticker.systemTicker());
    }

    PublishedArticles(MongoTemplate mongo, Clock clock, Duration ttl, Ticker ticker) {
        this.mongo = mongo;
        this.clock = clock;
        this.takingComments = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_ARTICLES).ticker(ticker).build();
    }

    public boolean acceptsComments(String articleId) {
        return takingComments == null ? published(articleId) : takingComments.get(articleId, this::published);
    }

    /** Up to {@code limit} ids of articles the replica holds as published, the last applied first. */
    public List<String> newestPublished(int limit) {
        Query newest = query(where("status").is(ArticleEvent.PUBLISHED))
                .with(Sort.by(Sort.Direction.DESC, "appliedAt")).limit(limit);
        newest.fields().include("_id");
        return mongo.find(newest, ArticleReplica.class).stream().map(article -> article.articleId).toList();
    }

    private boolean published(String articleId) {
        ArticleReplica article = mongo.findById(articleId, ArticleReplica.class);
        return article != null && ArticleEvent.PUBLISHED.equals(article.status);
    }

    /**
     * Keeps the event's state when its version is higher than the one held, in one conditional upsert, and forgets
     * what this instance remembered of the article (a lookup under way finishes first: Caffeine's invalidation waits
     * for it, so no answer read before the upsert outlives it).
     *
     * @return true when the replica changed; false for a redelivered, repeated or older snapshot
     */
    boolean apply(ArticleEvent event) {
        Update update = new Update().set("status", event.status()).set("version", event.version())
                .set("lastEventId", event.ceId()).set("lastEventType", event.type()).set("appliedAt", clock.instant());
        try {
            UpdateResult result = mongo.upsert(
                    query(where("_id").is(event.articleId()).and("version").lt(event.version())), update,
                    ArticleReplica.class);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            return false; // the article exists with this version or a higher one
        } finally {
            if (takingComments != null) {
                takingComments.invalidate(event.articleId());
            }
        }
    }
}
