package news.gateway.edge;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

/**
 * Every error the gateway answers itself as {@code application/problem+json}: unknown paths, oversized bodies, a
 * service that cannot be reached or drops the connection (503) or does not answer in time (504), the session store
 * not answering a signed-in browser's request (503 with {@code Retry-After}), and anything
 * unexpected (500, logged).
 * Errors a service answers pass through unchanged: they are already problem details.
 */
public class ProblemErrorHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    /** Seconds: the store's server-selection timeout (news.mongo.timeouts.server-selection, 3 s) has passed by then. */
    static final String SESSION_STORE_RETRY_AFTER = "3";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        exchange.getResponse().getHeaders().remove("Content-Length");
        if (error instanceof WriteLimits.BodyTooLarge tooLarge) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code == null) {
                code = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            return Problems.write(exchange, code, detail(exchange, code, status.getReason()));
        }
        // the browsers' session store (MongoDB) away or slow: the request may succeed shortly, and it is not a bug
        if (causedBy(error, MongoTimeoutException.class) || causedBy(error, MongoSocketException.class)
                || causedBy(error, MongoExecutionTimeoutException.class)
                || causedBy(error, DataAccessResourceFailureException.class)) {
            log.warn("The session store did not answer {} {} ({}); answered 503", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), error.toString());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, SESSION_STORE_RETRY_AFTER);
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Signed-in sessions are not available"
                    + " right now (their store did not answer in time). Retry shortly.");
        }
        Optional<ServiceFailure> failure = serviceFailure(error, exchange.getRequest().getPath().value());
        if (failure.isPresent()) {
            return Problems.write(exchange, failure.get().status(), failure.get().detail());
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), error);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway could not handle this request; it has been logged.");
    }

    /** How the gateway answers a routed call that failed on the service's side (503 or 504), for every router. */
    public record ServiceFailure(HttpStatus status, String detail) {
    }

    /**
     * A refused or reset connection (a service killed mid-request resets it: "Connection reset by peer"), a connection
     * pool with no connection to give in time: the service is away, not a gateway fault, so 503 and the client may
     * retry. No answer in time: 504. Anything else: empty (the caller's own error).
     */
    public static Optional<ServiceFailure> serviceFailure(Throwable error, String path) {
        if (causedBy(error, ConnectException.class) || causedBy(error, ConnectTimeoutException.class)
                || causedBy(error, PrematureCloseException.class) || causedBy(error, IOException.class)
                || causedBy(error, PoolAcquireTimeoutException.class)) {
            return Optional.of(new ServiceFailure(HttpStatus.SERVICE_UNAVAILABLE, "The service behind " + path
                    + " cannot be reached right now. Retry shortly."));
        }
        if (causedBy(error, TimeoutException.class) || causedBy(error, io.netty.handler.timeout.TimeoutException.class)) {
            return Optional.of(new ServiceFailure(HttpStatus.GATEWAY_TIMEOUT, "The service behind " + path
                    + " did not answer in time."));
        }
        return Optional.empty();
    }

    private static String detail(ServerWebExchange exchange, HttpStatus status, String reason) {
        String path = exchange.getRequest().getPath().value();
        return switch (status) {
            case NOT_FOUND -> "There is nothing at " + path + ".";
            case METHOD_NOT_ALLOWED -> exchange.getRequest().getMethod() + " is not supported on " + path + ".";
            case GATEWAY_TIMEOUT -> "The service behind " + path + " did not answer in time.";
            case SERVICE_UNAVAILABLE -> "The service behind " + path + " is not available right now. Retry shortly.";
            default -> reason != null && !reason.isBlank() ? reason : status.getReasonPhrase();
        };
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
