package news.article.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The feature's refusals as RFC 9457 problem details. They are {@link ErrorResponseException}s, which the kit's
 * problem-details advice renders as they are; validation problems have the same shape as the kit's bean-validation
 * ones: a detail naming every field and an {@code errors} list of {@code {field, message}}.
 */
final class ArticleProblems {

    private ArticleProblems() {
    }

    static ErrorResponseException invalid(List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid: "
                + violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", violations.stream().map(v -> {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("message", v.message());
            return error;
        }).toList());
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    static ErrorResponseException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    static ErrorResponseException notFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "Article not found", "There is no published article " + id + ".");
    }

    static ErrorResponseException slugNotFound(String slug) {
        return problem(HttpStatus.NOT_FOUND, "Article not found", "There is no published article with slug " + slug + ".");
    }

    static ErrorResponseException editorNotFound(String id) {
        return problem(HttpStatus.NOT_FOUND, "Article not found", "There is no article " + id + ".");
    }

    static ErrorResponseException ifMatchFailed(long current) {
        ErrorResponseException e = problem(HttpStatus.PRECONDITION_FAILED, "Stale version",
                "If-Match does not name the current version " + current
                        + " of the article: someone changed it since you read it. Read it again and redo your change.");
        e.getBody().setProperty("currentVersion", current);
        return e;
    }

    static ErrorResponseException versionConflict(long given, long current) {
        ErrorResponseException e = problem(HttpStatus.CONFLICT, "Stale version", "Your change is based on version "
                + given + " but the article is at version " + current
                + ": someone changed it since you read it. Read it again and redo your change.");
        e.getBody().setProperty("currentVersion", current);
        return e;
    }

    static ErrorResponseException versionRequired() {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "Version required", "Send the version you edited, as"
                + " If-Match: \"<version>\" (the ETag of GET /api/articles/{id}) or as \"version\" in the body,"
                + " so that your change cannot overwrite one you have not seen.");
    }

    static ErrorResponseException stateConflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Not allowed in this state", detail);
    }

    static ErrorResponseException unnamedEditor(String reason) {
        return problem(HttpStatus.FORBIDDEN, "Editor not identified", "Article changes record who made them, but "
                + reason + ". Ask for a token from the platform's identity provider.");
    }

    static ErrorResponseException busy(String id) {
        return problem(HttpStatus.CONFLICT, "Concurrent changes",
                "Article " + id + " kept changing while this change was applied; try again.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
