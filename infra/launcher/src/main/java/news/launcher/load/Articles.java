package news.launcher.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published articles a load is sent to, read page by page from {@code GET /api/articles}. */
public final class Articles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Articles() {
    }

    public static List<String> published(URI target, int atMost) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/articles?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target.resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + target.resolve(path) + " answered " + response.statusCode()
                        + ": the load needs a list of articles (--articles-from the gateway or article-service)");
            }
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(item -> ids.add(item.path("id").asString()));
            JsonNode next = page.path("next");
            cursor = next.isString() ? URLEncoder.encode(next.asString(), StandardCharsets.UTF_8) : null;
        } while (cursor != null && ids.size() < atMost);
        return ids.size() > atMost ? ids.subList(0, atMost) : ids;
    }
}
