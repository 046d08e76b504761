package news.article.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import news.article.article.PublishedArticle;
import news.kit.web.ClientAddresses;

/**
 * What accepting a view or a share means, once the request is known to be valid and the article published: the
 * reader's salted hash (of the reader id, else of client address and User-Agent), the agent, the event time, and the
 * event handed to the producer. One place for {@link EngagementController} and {@link ViewFastPath}.
 */
@Component
class EngagementIntake {

    static final int READER_ID_MAX = 200;

    private final EngagementEvents events;
    private final ReaderHasher hasher;
    private final BotDetector bots;
    private final ClientAddresses clients;
    private final Clock clock = Clock.systemUTC();

    EngagementIntake(EngagementEvents events, ReaderHasher hasher, BotDetector bots, ClientAddresses clients) {
        this.events = events;
        this.hasher = hasher;
        this.bots = bots;
        this.clients = clients;
    }

    /** Whether a reader id as given is acceptable: absent, blank (= absent) or at most {@link #READER_ID_MAX}. */
    static boolean acceptableReaderId(String given) {
        return given == null || given.length() <= READER_ID_MAX || given.isBlank();
    }

    void view(PublishedArticle article, String readerId, HttpServletRequest request, String traceparent) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        events.viewed(new ArticleViewed(article.id(), article.section(), readerHash(readerId, request, userAgent),
                bots.isBot(userAgent) ? "bot" : "human", now()), traceparent);
    }

    void share(PublishedArticle article, ShareChannel channel, String readerId, HttpServletRequest request,
               String traceparent) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        events.shared(new ArticleShared(article.id(), article.section(), channel.wire(),
                readerHash(readerId, request, userAgent), now()), traceparent);
    }

    private String readerHash(String readerId, HttpServletRequest request, String userAgent) {
        return readerId != null && !readerId.isBlank() ? hasher.ofReader(readerId)
                : hasher.ofClient(clients.clientOf(request), userAgent);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
