package news.ranking.query;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import news.ranking.rules.ListKey;

/**
 * Asks the instance that owns a list for it and relays the answer as it is. The request carries
 * {@value #FORWARDED}, so an instance that is asked for a list it does not own (ownership moved) answers 503 instead
 * of forwarding again.
 */
@Component
class Forwarder {

    static final String FORWARDED = "X-Ranking-Forwarded";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ResponseEntity<String> forward(ListLocator.There owner, ListKey key, int limit) {
        URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/api/rankings/" + key.kind().slug()
                + "?section=" + URLEncoder.encode(key.section(), StandardCharsets.UTF_8) + "&limit=" + limit);
        HttpRequest request = HttpRequest.newBuilder(uri).header(FORWARDED, "true").timeout(Duration.ofSeconds(3))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode());
            for (String header : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.RETRY_AFTER}) {
                response.headers().firstValue(header).ifPresent(value -> answer.header(header, value));
            }
            return answer.body(response.body());
        } catch (IOException e) {
            throw new ListUnavailable("The instance that holds " + key + " (" + owner.host() + ":" + owner.port()
                    + ") does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ListUnavailable("Interrupted while asking the instance that holds " + key);
        }
    }
}
