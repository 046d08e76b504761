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
 * reader's keyed hash (of the signed-in reader's token subject, else of client address and User-Agent), the agent,
 * the event time, and the event handed to the producer. One place for {@link EngagementController} and
 * {@link ViewFastPath}.
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

    /**
     * Whether a body's {@code readerId} is acceptable: absent, blank or at most {@link #READER_ID_MAX} characters. It
     * is checked, never used: the reader is who the token says, or the client.
     */
    static boolean acceptableReaderId(String given) {
        return given == null || given.length() <= READER_ID_MAX || given.isBlank();
    }

    /** {@code subject}: the subject of the request's verified token, null for a reader who is not signed in. */
    void view(PublishedArticle article, String subject, HttpServletRequest request, String traceparent) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        events.viewed(new ArticleViewed(article.id(), article.section(), readerHash(subject, request, userAgent),
                bots.isBot(userAgent) ? "bot" : "human", now()), traceparent);
    }

    void share(PublishedArticle article, ShareChannel channel, String subject, HttpServletRequest request,
               String traceparent) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        events.shared(new ArticleShared(article.id(), article.section(), channel.wire(),
                readerHash(subject, request, userAgent), now()), traceparent);
    }

    private String readerHash(String subject, HttpServletRequest request, String userAgent) {
        return subject != null && !subject.isBlank() ? hasher.ofReader(subject)
                : hasher.ofClient(clients.clientOf(request), userAgent);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
