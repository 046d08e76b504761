package news.comment.comment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.comment.article.PublishedArticles;
import news.comment.comment.CommentViews.AuthorView;
import news.comment.comment.CommentViews.CommentPage;
import news.comment.comment.CommentViews.CommentView;
import news.comment.comment.CommentViews.ModerationPage;
import news.comment.ratelimit.CommentRateLimiter;
import news.kit.outbox.OutboxRelay;
import news.kit.outbox.PendingEvent;
import news.contracts.ContractNames;

/** Posting, reading and removing comments, each change with its event in the same document write. */
@Service
class CommentService {

    private final CommentStore store;
    private final CommentTextPolicy textPolicy;
    private final DisplayNamePolicy namePolicy;
    private final AuthorPseudonyms pseudonyms;
    private final PublishedArticles articles;
    private final CommentRateLimiter rateLimiter;
    private final OutboxRelay relay;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter posted;
    private final RecentReads recentReads;
    private final CommentIds ids = new CommentIds();

    CommentService(CommentStore store, CommentTextPolicy textPolicy, DisplayNamePolicy namePolicy,
                   AuthorPseudonyms pseudonyms, PublishedArticles articles, CommentRateLimiter rateLimiter,
                   OutboxRelay commentOutboxRelay, RecentReads recentReads, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.textPolicy = textPolicy;
        this.namePolicy = namePolicy;
        this.pseudonyms = pseudonyms;
        this.articles = articles;
        this.rateLimiter = rateLimiter;
        this.relay = commentOutboxRelay;
        this.recentReads = recentReads;
        this.clock = clock;
        this.meters = meters;
        this.posted = Counter.builder("news.comments.posted").description("Comments accepted and stored")
                .register(meters);
    }

    /**
     * Checks the article id, the text, the author's display name, that the article is published and the rate limits,
     * in that order, then stores the comment with its {@code news.comment.posted} event in one insert. The comment and
     * its event name the author by pseudonym ({@link AuthorPseudonyms}); the subject stays in the stored document.
     */
    CommentDocument post(String articleId, Commenter author, Map<String, ?> body, String clientAddress,
                         String traceparent) {
        String text;
        Optional<String> name;
        try {
            requireArticleId(articleId);
            body.keySet().stream().filter(field -> !"text".equals(field)).findFirst().ifPresent(field -> {
                throw new RuleViolation(Rule.BODY_UNKNOWN_FIELD, "Unknown field '" + field
                        + "': the body is {\"text\": \"...\"} only; the author comes from the bearer token.");
            });
            Object rawText = body.get("text");
            if (rawText != null && !(rawText instanceof String)) {
                throw new RuleViolation(Rule.TEXT_NOT_A_STRING, "Field 'text' must be a JSON string.");
            }
            text = textPolicy.accept((String) rawText);
            name = namePolicy.accept(author.name());
        } catch (RuleViolation e) {
            rejected(e.rule().code());
            throw e;
        }
        if (!articles.acceptsComments(articleId)) {
            rejected("article-not-open");
            throw new ArticleNotOpen(articleId);
        }
        rateLimiter.acquire(author.subject(), clientAddress);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String authorId = pseudonyms.of(author.subject());
        CommentPosted event = new CommentPosted(ids.next(now.toEpochMilli()), articleId, authorId, text, now);
        CommentDocument comment = CommentDocument.posted(event, name.orElseGet(() -> DisplayNamePolicy.fallback(authorId)),
                author.subject(), PendingEvent.of(event.toCloudEvent(traceparent)));
        store.insert(comment);
        recentReads.changed(articleId);
        relay.nudge(comment.id);
        posted.increment();
        return comment;
    }

    CommentDocument get(String commentId) {
        return visible(commentId);
    }

    /**
     * The caller as their comments name them: their pseudonym, and the display name a post would carry (the token's
     * name if the policy allows it, else the fallback; null when the policy refuses the token's name).
     */
    AuthorView author(Commenter caller) {
        String id = pseudonyms.of(caller.subject());
        String name;
        try {
            name = namePolicy.accept(caller.name()).orElseGet(() -> DisplayNamePolicy.fallback(id));
        } catch (RuleViolation refused) {
            name = null;
        }
        return new AuthorView(id, name);
    }

    /** The comment as the API shows it: the author by pseudonym, never by subject. */
    CommentView view(CommentDocument comment) {
        return CommentView.of(comment, pseudonyms);
    }

    CommentPage list(String articleId, int limit, String cursor) {
        requireArticleId(articleId);
        requireLimit(limit);
        if (cursor == null || cursor.isEmpty()) {
            return recentReads.firstPage(articleId, limit, n -> page(articleId, null, n));
        }
        return page(articleId, PageCursor.decode(cursor), limit);
    }

    /**
     * The moderation queue: visible comments of every article, newest first. Always from the store (editors act on
     * what is there now), and without a count, which would mean counting every comment of the site.
     */
    ModerationPage newest(int limit, String cursor) {
        requireLimit(limit);
        PageCursor after = cursor == null || cursor.isEmpty() ? null : PageCursor.decode(cursor);
        List<CommentDocument> found = store.newest(after, limit + 1);
        boolean more = found.size() > limit;
        List<CommentDocument> items = more ? found.subList(0, limit) : found;
        String next = more ? PageCursor.after(items.get(items.size() - 1)).encode() : null;
        return new ModerationPage(items.stream().map(this::view).toList(), next);
    }

    private CommentPage page(String articleId, PageCursor after, int limit) {
        List<CommentDocument> found = store.page(articleId, after, limit + 1);
        boolean more = found.size() > limit;
        List<CommentDocument> items = more ? found.subList(0, limit) : found;
        String next = more ? PageCursor.after(items.get(items.size() - 1)).encode() : null;
        long count = recentReads.count(articleId, () -> store.countVisible(articleId));
        return new CommentPage(count, CommentTextPolicy.MAX_CODE_POINTS, items.stream().map(this::view).toList(), next);
    }

    /**
     * Removes a visible comment for its author or an editor, with its {@code news.comment.removed} event in the same
     * update. A comment already removed is not found: a second removal changes nothing and emits nothing.
     */
    void remove(String commentId, Commenter requester, String traceparent) {
        CommentDocument comment = visible(commentId);
        boolean author = comment.author.subjectOrLegacyId().equals(requester.subject());
        if (!author && !requester.editor()) {
            throw new NotAllowedToRemove(commentId);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CommentRemoved event = new CommentRemoved(comment.id, comment.articleId, now);
        if (!store.remove(commentId, requester.subject(), now, event.toCloudEvent(traceparent))) {
            throw new CommentNotFound(commentId);
        }
        recentReads.changed(comment.articleId);
        relay.nudge(comment.id);
        meters.counter("news.comments.removed", "by", author ? "author" : "editor").increment();
    }

    private CommentDocument visible(String commentId) {
        if (commentId == null || !ContractNames.ID.matcher(commentId).matches()) {
            throw new CommentNotFound(commentId);
        }
        return store.find(commentId).filter(CommentDocument::visible).orElseThrow(() -> new CommentNotFound(commentId));
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > 50) {
            throw new RuleViolation(Rule.LIMIT_OUT_OF_RANGE,
                    "Parameter 'limit' must be between 1 and 50; it was " + limit + ".");
        }
    }

    private static void requireArticleId(String articleId) {
        if (articleId == null || !ContractNames.ID.matcher(articleId).matches()) {
            throw new RuleViolation(Rule.ARTICLE_ID_INVALID,
                    "The article id must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'.");
        }
    }

    private void rejected(String reason) {
        meters.counter("news.comments.rejected", "reason", reason).increment();
    }
}
