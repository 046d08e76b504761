package news.ranking.query;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503 with {@code Retry-After}: the list exists but cannot be answered right now (start-up, rebalance). */
class ListUnavailable extends ErrorResponseException {

    static final String RETRY_AFTER_SECONDS = "1";

    ListUnavailable(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), null);
        getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Ranking not available yet");
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
