package news.comment;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import news.testsupport.TestHttp;

/**
 * The comment API's steps for tests, on the shared test client. Each instance acts from its own client address (sent
 * as {@code X-Forwarded-For}, which the service believes because the test connects from a trusted loopback proxy), so
 * tests do not share the per-address rate limit.
 */
final class Api extends TestHttp {

    Api(TestHttp http) {
        super(http.withHeader("X-Forwarded-For", randomAddress()));
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    HttpResponse<String> postComment(String articleId, String token, String text) {
        return post("/api/articles/" + articleId + "/comments", token, Map.of("text", text));
    }
}
