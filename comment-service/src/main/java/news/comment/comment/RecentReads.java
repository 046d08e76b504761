package news.comment.comment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import news.comment.comment.CommentViews.CommentPage;

/**
 * A short memory of each article's comment count and first pages, because the first page of a popular article is
 * read far more often than it changes. Entries live at most {@code ttl} and are dropped at once when this instance
 * posts or removes a comment of the article, so a reader always sees their own change; a change made through
 * another instance shows within {@code ttl}. A {@code ttl} of zero turns the memory off.
 */
final class RecentReads {

    private final Cache<String, ArticleReads> articles;

    RecentReads(Duration ttl, long maxArticles) {
        this.articles = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxArticles).build();
    }

    long count(String articleId, LongSupplier load) {
        if (articles == null) {
            return load.getAsLong();
        }
        ArticleReads reads = articles.get(articleId, id -> new ArticleReads());
        Long count = reads.count;
        if (count == null) {
            count = load.getAsLong();
            reads.count = count;
        }
        return count;
    }

    CommentPage firstPage(String articleId, int limit, IntFunction<CommentPage> load) {
        if (articles == null) {
            return load.apply(limit);
        }
        return articles.get(articleId, id -> new ArticleReads()).firstPages.computeIfAbsent(limit, load::apply);
    }

    void changed(String articleId) {
        if (articles != null) {
            articles.invalidate(articleId);
        }
    }

    private static final class ArticleReads {
        volatile Long count;
        final Map<Integer, CommentPage> firstPages = new ConcurrentHashMap<>();
    }
}
