package news.comment.comment;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The comment API's own errors as problem details. A broken rule carries its name in {@code rule} and, like the
 * kit's validation problems, the field in {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommentProblems {

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
                List.of("text", "body", "name").contains(e.rule().field()) ? "Comment rejected" : "Invalid request", e);
        problem.setProperty("rule", e.rule().code());
        problem.setProperty("errors", List.of(Map.of("field", e.rule().field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(ArticleNotOpen.class)
    ProblemDetail articleNotOpen(ArticleNotOpen e) {
        return problem(HttpStatus.NOT_FOUND, "Article not found", e);
    }

    @ExceptionHandler(CommentNotFound.class)
    ProblemDetail commentNotFound(CommentNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Comment not found", e);
    }

    @ExceptionHandler(NotAllowedToRemove.class)
    ProblemDetail notAllowed(NotAllowedToRemove e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
