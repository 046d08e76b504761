package news.article.engagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * {@code POST /api/articles/{id}/views} and {@code /shares}: open to everybody, answered 202 as soon as the event is
 * handed to the producer. 404 for an article that is not published, 400 for a malformed body.
 */
@RestController
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

    /** Body of a view; optional as a whole. */
    record ViewRequest(String readerId) {
    }

    /** Body of a share. */
    record ShareRequest(String channel, String readerId) {
    }

    /** Most views never reach this method: {@link ViewFastPath} answers the valid ones before the filter chain. */
    @PostMapping("/views")
    ResponseEntity<Void> view(@PathVariable String articleId, @RequestBody(required = false) ViewRequest body,
                              HttpServletRequest request) {
        String readerId = readerId(body == null ? null : body.readerId());
        intake.view(published(articleId), readerId, request, trace.traceparent());
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
        intake.share(published(articleId), channel, readerId, request, trace.traceparent());
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

    private static String readerId(String given) {
        if (!EngagementIntake.acceptableReaderId(given)) {
            throw invalid("readerId", "must be at most " + EngagementIntake.READER_ID_MAX + " characters");
        }
        return given;
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
