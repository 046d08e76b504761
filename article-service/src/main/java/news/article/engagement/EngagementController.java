package news.article.engagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import news.article.article.PublishedArticle;
import news.article.article.PublishedArticles;
import news.kit.tracing.CurrentTrace;

/**
 * {@code POST /api/articles/{id}/views} and {@code /shares}: open to everybody, answered 202 as soon as the event is
 * handed to the producer. 404 for an article that is not published, 400 for a malformed body, 401 for a bearer token
 * that is not valid. The reader is the token's subject when the request carries a valid one (the gateway relays a
 * signed-in reader's token), else the client address and User-Agent: never the body's {@code readerId}, which any
 * client could change with every request to make each of its views and shares count as a new reader's.
 */
@RestController
@Tag(name = "engagement", description = "Views and shares: public writes, answered 202 and sent to Kafka")
@RequestMapping("/api/articles/{articleId}")
class EngagementController {

    private final PublishedArticles articles;
    private final EngagementIntake intake;
    private final CurrentTrace trace;

    EngagementController(PublishedArticles articles, EngagementIntake intake, CurrentTrace trace) {
        this.articles = articles;
        this.intake = intake;
        this.trace = trace;
    }

    /**
     * Body of a view; optional as a whole. {@code readerId} is still read and checked, so that clients that send it
     * keep working, but it names nobody: a client can mint any.
     */
    record ViewRequest(String readerId) {
    }

    /** Body of a share; {@code readerId} as for a view. */
    record ShareRequest(String channel, String readerId) {
    }

    /** Most views never reach this method: {@link ViewFastPath} answers the valid ones before the filter chain. */
@Operation(summary = "Count a view of a published article",
        description = "202 with no body; the reader is the signed-in account, else the client's network and User-Agent (readerHash on news.article-views). 404 for an unknown or unpublished article. Views are statistics: one that cannot reach Kafka in time is dropped and counted.")
    @PostMapping("/views")
    ResponseEntity<Void> view(@PathVariable String articleId, @RequestBody(required = false) ViewRequest body,
                              @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        checkReaderId(body == null ? null : body.readerId());
        intake.view(published(articleId), subject(token), request, trace.traceparent());
        return ResponseEntity.accepted().build();
    }

@Operation(summary = "Count a share of a published article",
        description = "channel is one of facebook, x, kakaotalk, email, link; 202 with no body, news.article.shared on Kafka. 400 names an unknown channel.")
    @PostMapping("/shares")
    ResponseEntity<Void> share(@PathVariable String articleId, @RequestBody ShareRequest body,
                               @AuthenticationPrincipal Jwt token, HttpServletRequest request) {
        if (body.channel() == null) {
            throw invalid("channel", "is required: one of " + ShareChannel.all());
        }
        ShareChannel channel = ShareChannel.parse(body.channel())
                .orElseThrow(() -> invalid("channel", "must be one of " + ShareChannel.all()));
        checkReaderId(body.readerId());
        intake.share(published(articleId), channel, subject(token), request, trace.traceparent());
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

    private static void checkReaderId(String given) {
        if (!EngagementIntake.acceptableReaderId(given)) {
            throw invalid("readerId", "must be at most " + EngagementIntake.READER_ID_MAX + " characters");
        }
    }

    /** The signed-in reader: the subject of the request's token, checked by the security chain; null without one. */
    private static String subject(Jwt token) {
        return token == null ? null : token.getSubject();
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
