package news.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets bearer tokens for API clients from the local identity provider: a client-credentials grant of the platform's
 * minting client, asking for the subject, name and role the token should carry. The provider signs them with its
 * own key, so they are exactly the tokens a signed-in browser's requests carry.
 */
public final class TokenMint {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;

    public TokenMint(URI issuer, String clientId, String clientSecret) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** A token for {@code subject} with role {@code reader} or {@code editor} (an editor is a reader too). */
    public String mint(String subject, String name, String role, Duration timeToLive) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("sub", subject);
        form.put("name", name);
        form.put("role", role);
        form.put("ttl", Long.toString(timeToLive.toSeconds()));
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        URI tokenEndpoint = URI.create(issuer.toString().replaceAll("/$", "") + "/oauth2/token");
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The identity provider at " + issuer + " is not answering (" + e
                    + "). Start the platform first: infra/platform up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + tokenEndpoint + " for a token", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200 || !answer.path("access_token").isString()) {
            throw new IllegalStateException("The identity provider at " + issuer + " refused the token request ("
                    + response.statusCode() + "): " + answer.path("error").asString("") + " "
                    + answer.path("error_description").asString(""));
        }
        return answer.path("access_token").asString();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }
}
