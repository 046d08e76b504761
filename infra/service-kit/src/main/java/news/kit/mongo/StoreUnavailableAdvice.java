package news.kit.mongo;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * A request that fails because the store is away, slow or electing a new primary answers {@code 503} with
 * {@code Retry-After}, as a problem detail, instead of the catch-all's 500: the request was fine and may succeed when
 * repeated, and a 500 would page someone for a bug that is not there. Covers the driver's own exceptions (code that
 * uses the {@code MongoClient}) and Spring's translations of them (code that uses {@code MongoTemplate}); ordered
 * before {@link news.kit.web.ProblemDetailsAdvice}, whose catch-all would otherwise take them. Each is logged at WARN
 * in one line: the store's own health check and metrics tell the story, not a stack trace per request.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class StoreUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableAdvice.class);
    static final String DETAIL = "The data store did not answer in time. Try again shortly.";

    private final String retryAfterSeconds;

    /**
     * @param timeouts the store's timeouts: {@code Retry-After} says the server-selection timeout in whole seconds
     *                 (at least one), after which a new attempt selects a store afresh
     */
    public StoreUnavailableAdvice(MongoKitAutoConfiguration.MongoTimeouts timeouts) {
        Duration retryAfter = timeouts.serverSelection();
        this.retryAfterSeconds = Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoExecutionTimeoutException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class,
            DataAccessResourceFailureException.class, QueryTimeoutException.class,
            TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception ex) {
        log.warn("The store did not answer a request ({}: {}); answered 503", ex.getClass().getSimpleName(),
                ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle("Store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).body(problem);
    }
}
