package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;
import news.testsupport.RawResponse;
import news.testsupport.TestTokens;
import reactor.core.publisher.Flux;

/**
 * Writes at the door: bearer tokens checked with the roles of the public API (401/403 as problem details), a per-client
 * budget (429 with Retry-After), a body-size limit (413), CORS for the configured frontend only.
 */
class WriteRulesTest extends GatewayIntegrationTest {

    private static final String COMMENT = "{\"text\":\"Nice\"}";

    @Test
    void postingACommentWithoutATokenIs401ProblemAndNeverReachesTheService() {
        String path = "/api/articles/" + articleId() + "/comments";

        post(path, null).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("bearer token"));

        assertThat(COMMENT_SERVICE.received("POST " + path)).isEmpty();
    }

    @Test
    void anExpiredOrUnsignedTokenIs401() {
        String path = "/api/articles/" + articleId() + "/comments";
        for (String token : List.of(TestTokens.expired("bob", List.of("reader")),
                TestTokens.unsigned("bob", List.of("reader")), "not-a-jwt")) {
            post(path, token).expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"))
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).as("one fixed detail, never"
                            + " the decoder's reason").isEqualTo(AccessRules.REJECTED));
        }
        assertThat(COMMENT_SERVICE.received("POST " + path)).isEmpty();
    }

    @Test
    void aReaderTokenPostsACommentAndTheServiceGetsTheTokenUnchanged() {
        String path = "/api/articles/" + articleId() + "/comments";
        COMMENT_SERVICE.on("POST " + path, Reply.json(201, "{\"id\":\"c9\",\"text\":\"Nice\"}"));
        String token = TestTokens.reader("bob");

        post(path, token).expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo("c9");

        var received = COMMENT_SERVICE.received("POST " + path).get(0);
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(received.body()).isEqualTo(COMMENT);
        assertThat(received.header("X-Forwarded-For")).isEqualTo(clientAddress);
    }

    @Test
    void editorOnlyWritesAre403ForAReaderAndPassForAnEditor() {
        String id = articleId();
        ARTICLE_SERVICE.on("POST /api/articles", Reply.json(201, "{\"id\":\"new\"}"));
        ARTICLE_SERVICE.on("PUT /api/articles/" + id, Reply.json(200, "{\"id\":\"" + id + "\"}"));
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/publish", Reply.json(200, "{}"));
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/unpublish", Reply.json(200, "{}"));
        ARTICLE_SERVICE.on("PUT /api/articles/" + id + "/editor-pick", Reply.json(200, "{}"));
        List<String[]> writes = List.of(new String[] {"POST", "/api/articles"}, new String[] {"PUT", "/api/articles/" + id},
                new String[] {"POST", "/api/articles/" + id + "/publish"},
                new String[] {"POST", "/api/articles/" + id + "/unpublish"},
                new String[] {"PUT", "/api/articles/" + id + "/editor-pick"});
        WebTestClient generous = clientFrom("203.0.113.10");
        WebTestClient generousEditor = clientFrom("203.0.113.11");

        for (String[] write : writes) {
            send(generous, write[0], write[1], TestTokens.reader("bob")).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(403);
        }
        assertThat(ARTICLE_SERVICE.received()).as("nothing a reader tried reached article-service")
                .noneMatch(r -> !r.method().equals("GET") && (r.path().contains(id) || r.path().equals("/api/articles")));
        for (String[] write : writes) {
            send(generousEditor, write[0], write[1], TestTokens.editor("alice")).expectStatus().is2xxSuccessful();
        }
    }

    @Test
    void removingACommentNeedsAReaderOrEditorToken() {
        COMMENT_SERVICE.on("DELETE /api/comments/c1", Reply.status(204));

        send(client, "DELETE", "/api/comments/c1", null).expectStatus().isUnauthorized();
        send(client, "DELETE", "/api/comments/c1", TestTokens.withRoles("eve", "Eve", List.of("guest")))
                .expectStatus().isForbidden();
        send(client, "DELETE", "/api/comments/c1", TestTokens.reader("bob")).expectStatus().isNoContent();
    }

    @Test
    void viewsAndSharesArePublicWrites() {
        String id = articleId();
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", Reply.status(202));
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/shares", Reply.status(202));

        post("/api/articles/" + id + "/views", null).expectStatus().isAccepted();
        client.post().uri("/api/articles/" + id + "/shares").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"channel\":\"kakaotalk\"}").exchange().expectStatus().isAccepted();

        assertThat(ARTICLE_SERVICE.received("POST /api/articles/" + id + "/views").get(0).header("X-Forwarded-For"))
                .isEqualTo(clientAddress);
    }

    @Test
    void aClientPastItsWriteBudgetGets429WithRetryAfterAndOtherClientsDoNot() {
        String id = articleId();
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", Reply.status(202));
        for (int i = 0; i < WRITE_BURST; i++) {
            post("/api/articles/" + id + "/views", null).expectStatus().isAccepted();
        }

        post("/api/articles/" + id + "/views", null).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L))
                .expectBody().jsonPath("$.status").isEqualTo(429);
        assertThat(ARTICLE_SERVICE.received("POST /api/articles/" + id + "/views")).hasSize(WRITE_BURST);

        clientFrom("203.0.113.99").post().uri("/api/articles/" + id + "/views").exchange()
                .expectStatus().isAccepted();
        client.get().uri("/api/pages/home").exchange().expectStatus().isOk();
    }

    @Test
    void editorsWritingFromOneAddressAreLimitedByTheirAccountsNotByTheAnonymousBudget() {
        String id = articleId();
        ARTICLE_SERVICE.on("PUT /api/articles/" + id + "/editor-pick", Reply.json(200, "{}"));
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", Reply.status(202));
        WebTestClient newsroom = clientFrom("203.0.113." + ThreadLocalRandom.current().nextInt(100, 200));
        String eve = TestTokens.editor("eve-" + id);
        String mina = TestTokens.editor("mina-" + id);

        for (int i = 0; i < 3 * WRITE_BURST; i++) {
            send(newsroom, "PUT", "/api/articles/" + id + "/editor-pick", i % 2 == 0 ? eve : mina)
                    .expectStatus().isOk();
        }
        for (int i = 0; i < WRITE_BURST; i++) {
            newsroom.post().uri("/api/articles/" + id + "/views").exchange().expectStatus().isAccepted();
        }

        newsroom.post().uri("/api/articles/" + id + "/views").exchange().expectStatus().isEqualTo(429);
        send(newsroom, "PUT", "/api/articles/" + id + "/editor-pick", eve).expectStatus().isOk();
        assertThat(ARTICLE_SERVICE.received("PUT /api/articles/" + id + "/editor-pick")).hasSize(3 * WRITE_BURST + 1);
    }

    @Test
    void aSignedInAccountPastItsBudgetGets429AndAnotherAccountAtTheSameAddressDoesNot() {
        String path = "/api/articles/" + articleId() + "/comments";
        COMMENT_SERVICE.on("POST " + path, Reply.json(201, "{\"id\":\"c1\",\"text\":\"Nice\"}"));
        String reader = TestTokens.reader("limited-" + System.nanoTime());
        for (int i = 0; i < READER_WRITE_BURST; i++) {
            post(path, reader).expectStatus().isCreated();
        }

        post(path, reader).expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L))
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("reader account"));
        assertThat(COMMENT_SERVICE.received("POST " + path)).hasSize(READER_WRITE_BURST);
        post(path, TestTokens.reader("other-" + System.nanoTime())).expectStatus().isCreated();
    }

    @Test
    void credentialsThatFailArePaidForByTheAddressSoMadeUpTokensBuyNoRequests() {
        String path = "/api/articles/" + articleId() + "/comments";
        COMMENT_SERVICE.on("POST " + path, Reply.json(201, "{\"id\":\"c1\",\"text\":\"Nice\"}"));
        for (int i = 0; i < WRITE_BURST; i++) {
            post(path, "made.up.token" + i).expectStatus().isUnauthorized();
        }

        post(path, "made.up.token").expectStatus().isEqualTo(429);
        client.post().uri(path).cookie("NEWS_SESSION", "no-such-session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(COMMENT).exchange().expectStatus().isEqualTo(429);
        assertThat(COMMENT_SERVICE.received("POST " + path)).isEmpty();
        // the address's anonymous budget is untouched: its views still pass
        String id = articleId();
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", Reply.status(202));
        post("/api/articles/" + id + "/views", null).expectStatus().isAccepted();
    }

    @Test
    void ipv6ClientsShareOneWriteBudgetPerSlash64() {
        String id = articleId();
        ARTICLE_SERVICE.on("POST /api/articles/" + id + "/views", Reply.status(202));
        String network = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":7:";
        for (int i = 0; i < WRITE_BURST; i++) {
            clientFrom(network + Integer.toHexString(i + 1) + "::1").post().uri("/api/articles/" + id + "/views")
                    .exchange().expectStatus().isAccepted();
        }
        clientFrom(network + "ffff:ffff:ffff:ffff").post().uri("/api/articles/" + id + "/views").exchange()
                .expectStatus().isEqualTo(429);
        clientFrom("2001:db8:1:8::1").post().uri("/api/articles/" + id + "/views").exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItReachesTheServiceDeclaredOrStreamed() {
        String path = "/api/articles/" + articleId() + "/comments";
        String token = TestTokens.reader("bob");
        String big = "{\"text\":\"" + "x".repeat(MAX_BODY) + "\"}";

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);

        Flux<DataBuffer> chunked = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap("x".repeat(200).getBytes(StandardCharsets.UTF_8)));
        clientFrom("203.0.113.20").post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(chunked, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413);

        assertThat(COMMENT_SERVICE.received("POST " + path)).isEmpty();
    }

    @Test
    void aStreamedBodyIsReadWholeWithinTheLimitBeforeAnyOfItGoesToTheService() throws Exception {
        String path = "/api/articles/" + articleId() + "/comments";
        String token = TestTokens.reader("bob");
        COMMENT_SERVICE.on("POST " + path, Reply.json(201, "{\"id\":\"c7\"}"));
        long before = COMMENT_SERVICE.bytesReceived();

        // over the limit, its first chunk sent well before the rest: a gateway that streamed it would pass the head and
        // that chunk on at once
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(chunkedHead(path, token, "203.0.113.21"));
            out.write(chunk("{\"text\":\""));
            out.flush();
            // nothing of it may reach the service while the rest is still to come
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(COMMENT_SERVICE::bytesReceived, bytes -> bytes == before);
            for (int i = 0; i < 8; i++) {
                out.write(chunk("x".repeat(200)));
            }
            out.write(chunk("\"}"));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawResponse answer = RawResponse.read(socket.getInputStream());
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.bodyText()).contains("\"status\":413");
        }
        assertThat(COMMENT_SERVICE.bytesReceived()).as("bytes of the refused body that reached the service")
                .isEqualTo(before);

        // within the limit: the service gets it whole, with its length, not as chunks
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(chunkedHead(path, token, "203.0.113.22"));
        request.write(chunk("{\"text\":"));
        request.write(chunk("\"Nice\"}"));
        request.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(RawResponse.exchange(port, request.toByteArray()).status()).isEqualTo(201);
        var received = COMMENT_SERVICE.received("POST " + path).get(0);
        assertThat(received.body()).isEqualTo(COMMENT);
        assertThat(received.header(HttpHeaders.CONTENT_LENGTH)).isEqualTo(Integer.toString(COMMENT.length()));
        assertThat(received.header(HttpHeaders.TRANSFER_ENCODING)).isNull();
        // the count above sees what reaches the service: this request's bytes are in it
        assertThat(COMMENT_SERVICE.bytesReceived()).isGreaterThanOrEqualTo(before + COMMENT.length());
    }

    private static byte[] chunkedHead(String path, String token, String client) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nX-Forwarded-For: " + client
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] chunk(String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        return (Integer.toHexString(bytes.length) + "\r\n" + data + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theConfiguredFrontendMayCallFromItsOriginAndOthersMayNot() {
        client.options().uri("/api/articles/x/comments")
                .header(HttpHeaders.ORIGIN, "https://frontend.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://frontend.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, v -> assertThat(v).contains("POST"));
        client.options().uri("/api/articles/x/comments")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/pages/home").header(HttpHeaders.ORIGIN, "https://frontend.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://frontend.example")
                .expectHeader().exists(HttpHeaders.ETAG);
    }

    private WebTestClient.ResponseSpec post(String path, String token) {
        return send(client, "POST", path, token);
    }

    private static WebTestClient.ResponseSpec send(WebTestClient client, String method, String path, String token) {
        var request = client.method(HttpMethod.valueOf(method)).uri(path).contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.bodyValue(COMMENT).exchange();
    }

    private WebTestClient clientFrom(String address) {
        return client.mutate().defaultHeader("X-Forwarded-For", address).build();
    }

    private static String articleId() {
        return "w" + Long.toHexString(System.nanoTime());
    }
}
