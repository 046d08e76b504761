package news.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads {@code infra/demo/articles.json} through article-service's public editor API when the store has no
 * published article yet, so a fresh clone shows a full site and its events flow through every topic.
 */
final class DemoContent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Layout layout;
    private final PrintStream out;

    DemoContent(Layout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    void loadIfEmpty(String articleService, TokenMint mint) {
        try {
            if (!Files.exists(layout.demoArticles())) {
                out.println("Demo content: " + layout.root().relativize(layout.demoArticles()) + " not found, skipped.");
                return;
            }
            HttpResponse<String> existing = Http.get(articleService + "/api/articles?limit=1");
            if (existing.statusCode() != 200) {
                out.println("Demo content: article-service answered " + existing.statusCode()
                        + " to a list request, skipped.");
                return;
            }
            if (JSON.readTree(existing.body()).path("items").size() > 0) {
                out.println("Demo content: the store already has articles, left as it is.");
                return;
            }
            String token = mint.mint("demo-loader", "Demo Loader", "editor", Duration.ofMinutes(10));
            int loaded = 0;
            for (JsonNode article : JSON.readTree(layout.demoArticles().toFile())) {
                HttpResponse<String> created = Http.postJson(articleService + "/api/articles",
                        JSON.writeValueAsString(article), token);
                if (created.statusCode() == 201) {
                    loaded++;
                } else {
                    out.println("Demo content: '" + article.path("title").asString() + "' refused with "
                            + created.statusCode() + ": " + created.body());
                }
            }
            out.println("Demo content: loaded " + loaded + " articles into the empty store.");
        } catch (IOException | IllegalStateException e) {
            out.println("Demo content: could not be loaded (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
