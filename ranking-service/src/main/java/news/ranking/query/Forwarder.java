package news.ranking.query;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import news.ranking.rules.ListKey;

/**
 * Asks the instance that owns a list for it and relays its JSON answer (status, body, {@code Retry-After}). The request
 * carries {@value #FORWARDED}, so an instance that is asked for a list it does not own (ownership moved) answers 503
 * instead of forwarding again. The answer goes out to readers through the gateway, so it is only ever JSON (a list or
 * a problem), and an owner that cannot be reached or answers anything else is a 503 whose detail names neither the
 * owner nor the error: those go to the log.
 */
@Component
class Forwarder {

    static final String FORWARDED = "X-Ranking-Forwarded";

    private static final Logger log = LoggerFactory.getLogger(Forwarder.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ResponseEntity<String> forward(ListLocator.There owner, ListKey key, int limit) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/api/rankings/" + key.kind().slug()
                + "?section=" + URLEncoder.encode(key.section(), StandardCharsets.UTF_8) + "&limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri).header(FORWARDED, "true").timeout(Duration.ofSeconds(3))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            MediaType type = jsonType(response);
            if (type == null) {
                log.warn("The instance that holds {} ({}:{}) answered {} with Content-Type {}: not relayed", key,
                        owner.host(), owner.port(), response.statusCode(),
                        response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("(none)"));
                throw unavailable(key);
            }
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode()).contentType(type);
            response.headers().firstValue(HttpHeaders.RETRY_AFTER).filter(v -> v.matches("\\d{1,6}"))
                    .ifPresent(value -> answer.header(HttpHeaders.RETRY_AFTER, value));
            return answer.body(response.body());
        } catch (IOException e) {
            log.warn("The instance that holds {} ({}:{}) does not answer: {}", key, owner.host(), owner.port(),
                    e.toString());
            throw unavailable(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(key);
        }
    }

    /** The owner's answer is relayed as {@code application/json} or, for a problem, {@code application/problem+json}. */
    private static MediaType jsonType(HttpResponse<String> response) {
        try {
            MediaType type = response.headers().firstValue(HttpHeaders.CONTENT_TYPE).map(MediaType::parseMediaType)
                    .orElse(null);
            if (type == null) {
                return null;
            }
            for (MediaType json : new MediaType[] {MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON}) {
                if (json.equalsTypeAndSubtype(type)) {
                    return json;
                }
            }
            return null;
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static ListUnavailable unavailable(ListKey key) {
        return new ListUnavailable("The list " + key + " cannot be answered right now.");
    }
}
