package news.gateway.readmodel;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * When each article's own parts last changed, as the events tell this gateway: its snapshot on
 * {@code news.article-events}, a comment posted or removed on {@code news.comment-events}. A page part fetched after
 * the last change of its kind was seen here is still current, so a page rebuild can take the copy it has instead of
 * asking the service again. Times are this JVM's {@link System#nanoTime()}.
 *
 * <p>Bounded: a change is remembered for {@code keepFor} (a copy older than that is fetched again anyway) and for at
 * most {@code maxArticles} ids. When an id has to be forgotten sooner, its change time raises a floor that every
 * unknown id answers with: forgetting makes copies look changed, never current.
 */
public class ArticleChanges {

    private final LongSupplier clock;
    private final Cache<String, Long> articles;
    private final Cache<String, Long> comments;
    private final AtomicLong floor;

    public ArticleChanges(Duration keepFor, long maxArticles) {
        this(keepFor, maxArticles, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds, only ever read forward): for tests that move time by hand. */
    public ArticleChanges(Duration keepFor, long maxArticles, LongSupplier clock) {
        this.clock = clock;
        this.floor = new AtomicLong(clock.getAsLong());
        this.articles = changes(keepFor, maxArticles);
        this.comments = changes(keepFor, maxArticles);
    }

    private Cache<String, Long> changes(Duration keepFor, long maxArticles) {
        return Caffeine.newBuilder()
                .expireAfterWrite(keepFor)
                .maximumSize(maxArticles)
                .executor(Runnable::run)
                // called inside the removal: the floor is raised before the id reads as unknown
                .<String, Long>evictionListener((id, changedAt, cause) -> {
                    if (cause == RemovalCause.SIZE && changedAt != null) {
                        floor.accumulateAndGet(changedAt, Math::max);
                    }
                })
                .build();
    }

    /** The clock the change times are read on: a copy counts as current when it was fetched after the change. */
    public long now() {
        return clock.getAsLong();
    }

    /** The article's snapshot changed (a new version, or unpublished). */
    public void articleChanged(String articleId) {
        articles.put(articleId, now());
    }

    /** A comment under the article was posted or removed. */
    public void commentsChanged(String articleId) {
        comments.put(articleId, now());
    }

    /** When the article itself last changed, as far as this gateway knows. */
    public long articleChangedAt(String articleId) {
        return changedAt(articles, articleId);
    }

    /** When the article's comments last changed, as far as this gateway knows. */
    public long commentsChangedAt(String articleId) {
        return changedAt(comments, articleId);
    }

    private long changedAt(Cache<String, Long> changes, String articleId) {
        Long changedAt = changes.getIfPresent(articleId);
        return changedAt != null ? Math.max(changedAt, floor.get()) : floor.get();
    }
}
