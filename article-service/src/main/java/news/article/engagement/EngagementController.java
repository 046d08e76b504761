package news.article.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import news.article.article.PublishedArticle;
import news.article.article.PublishedArticles;
import news.kit.tracing.CurrentTrace;
import news.kit.web.ClientAddresses;

/**
 * {@code POST /api/articles/{id}/views} and {@code /shares}: open to everybody, answered 202 as soon as the event is
 * handed to the producer. 404 for an article that is not published, 400 for a malformed body.
 */
@RestController
@RequestMapping("/api/articles/{articleId}")
class EngagementController {

    static final int READER_ID_MAX = 200;

    private final PublishedArticles articles;
    private final EngagementEvents events;
    private final ReaderHasher hasher;
    private final BotDetector bots;
    private final ClientAddresses clients;
    private final CurrentTrace trace;
    private final Clock clock = Clock.systemUTC();

    EngagementController(PublishedArticles articles, EngagementEvents events, ReaderHasher hasher, BotDetector bots,
                         ClientAddresses clients, CurrentTrace trace) {
        this.articles = articles;
        this.events = events;
        this.hasher = hasher;
        this.bots = bots;
        this.clients = clients;
        this.trace = trace;
    }

    /** Body of a view; optional as a whole. */
    record ViewRequest(String readerId) {
    }

    /** Body of a share. */
    record ShareRequest(String channel, String readerId) {
    }

    @PostMapping("/views")
    ResponseEntity<Void> view(@PathVariable String articleId, @RequestBody(required = false) ViewRequest body,
                              HttpServletRequest request) {
        String readerId = readerId(body == null ? null : body.readerId());
        PublishedArticle article = published(articleId);
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        events.viewed(new ArticleViewed(article.id(), article.section(), readerHash(readerId, request, userAgent),
                bots.isBot(userAgent) ? "bot" : "human", now()), trace.traceparent());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/shares")
    ResponseEntity<Void> share(@PathVariable String articleId, @RequestBody ShareRequest body,
                               HttpServletRequest request) {
        if (body.channel() == null) {
            throw invalid("channel", "is required: one of " + ShareChannel.all());
        }
        ShareChannel channel = ShareChannel.parse(body.channel())
                .orElseThrow(() -> invalid("channel", "must be one of " + ShareChannel.all()));
        String readerId = readerId(body.readerId());
        PublishedArticle article = published(articleId);
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        events.shared(new ArticleShared(article.id(), article.section(), channel.wire(),
                readerHash(readerId, request, userAgent), now()), trace.traceparent());
        return ResponseEntity.accepted().build();
    }

    private PublishedArticle published(String articleId) {
        return articles.find(articleId).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "There is no published article " + articleId + ".");
            problem.setTitle("Article not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    private String readerHash(String readerId, HttpServletRequest request, String userAgent) {
        return readerId != null ? hasher.ofReader(readerId) : hasher.ofClient(clients.clientOf(request), userAgent);
    }

    private static String readerId(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (given.length() > READER_ID_MAX) {
            throw invalid("readerId", "must be at most " + READER_ID_MAX + " characters");
        }
        return given;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is invalid: " + field + ": " + message);
        problem.setTitle("Invalid request");
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        problem.setProperty("errors", List.of(error));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
