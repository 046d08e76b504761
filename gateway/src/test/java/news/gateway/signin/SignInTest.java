package news.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;
import news.testsupport.TestIssuer;
import news.testsupport.TestTokens;
import reactor.core.publisher.Mono;

/**
 * A browser signs in at the gateway and keeps a session there: authorization code + PKCE against the provider, an
 * HttpOnly SameSite=Lax cookie whose session lives in MongoDB (written here by the test, read by the gateway, as
 * another instance would have written it), CSRF for cookie writes, the session's access token relayed and refreshed,
 * sign-out at both ends. Bearer clients are not touched by any of it.
 */
class SignInTest extends GatewayIntegrationTest {

    @Autowired
    MongoWebSessions sessions;

    @Autowired
    ReactiveClientRegistrationRepository clients;

    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void signInStartsAuthorizationCodeWithPkceAtTheProviderAndRemembersThePage() {
        EntityExchangeResult<byte[]> login = client.get()
                .uri(b -> b.path("/login").queryParam("next", "/article/a1#comment-text").build()).exchange()
                .expectStatus().isSeeOther().expectBody().returnResult();
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/oauth2/authorization/news");
        ResponseCookie cookie = login.getResponseCookies().getFirst("NEWS_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.isSecure()).as("plain HTTP here; Secure when the request came over HTTPS").isFalse();

        URI authorize = client.get().uri("/oauth2/authorization/news").cookie("NEWS_SESSION", cookie.getValue())
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(authorize.toString()).startsWith(TestIssuer.shared().issuer() + "/oauth2/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "news-gateway")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce");
        assertThat(java.net.URLDecoder.decode(query.get("redirect_uri"), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith("/login/oauth2/code/news");
        assertThat(sessions.findById(cookie.getValue()).block().<String>getAttribute(ReturnToPage.NEXT))
                .isEqualTo("/article/a1#comment-text");
    }

    @Test
    void onlyAPathOfThisSiteIsAPlaceToComeBackTo() {
        assertThat(ReturnToPage.safe("/article/a1#comment-text")).isEqualTo("/article/a1#comment-text");
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:x",
                "/a\r\nLocation: x")) {
            assertThat(ReturnToPage.safe(elsewhere)).as(elsewhere).isEqualTo("/");
        }
    }

    @Test
    void theSessionEndpointSaysWhoIsSignedInAndHandsOutTheCsrfCookie() {
        EntityExchangeResult<byte[]> anonymous = client.get().uri("/api/session").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.signedIn").isEqualTo(false).returnResult();
        ResponseCookie csrf = anonymous.getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).as("the page's script reads it").isFalse();

        String session = signedIn("alice", "Alice Park", List.of("reader"), accessToken("alice"), 300);
        client.get().uri("/api/session").cookie("NEWS_SESSION", session).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.signedIn").isEqualTo(true).jsonPath("$.name").isEqualTo("Alice Park")
                .jsonPath("$.subject").isEqualTo("alice").jsonPath("$.roles[0]").isEqualTo("reader");
    }

    @Test
    void aCookieSessionWriteWithoutTheCsrfHeaderIs403AndWithItTheSessionsTokenReachesTheService() {
        String path = "/api/articles/" + articleId() + "/comments";
        COMMENT_SERVICE.on("POST " + path, Reply.json(201, "{\"id\":\"c1\",\"text\":\"Nice\"}"));
        String token = accessToken("alice");
        String session = signedIn("alice", "Alice Park", List.of("reader"), token, 300);

        client.post().uri(path).cookie("NEWS_SESSION", session).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"Nice\"}").exchange().expectStatus().isForbidden();
        assertThat(COMMENT_SERVICE.received("POST " + path)).isEmpty();

        String csrf = csrfToken();
        client.post().uri(path).cookie("NEWS_SESSION", session).cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"Nice\"}").exchange().expectStatus().isCreated();
        assertThat(COMMENT_SERVICE.received("POST " + path)).singleElement()
                .satisfies(r -> assertThat(r.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token));
    }

    @Test
    void theNewsroomIsForEditorsSessionsAndGetsTheirToken() {
        ARTICLE_SERVICE.on("GET /api/newsroom/articles", Reply.json(200, "{\"items\":[]}"));
        String reader = signedIn("alice", "Alice Park", List.of("reader"), accessToken("alice"), 300);
        String editorToken = accessToken("eve");
        String editor = signedIn("eve", "Eve Moreau", List.of("reader", "editor"), editorToken, 300);

        client.get().uri("/api/newsroom/articles").cookie("NEWS_SESSION", reader).exchange().expectStatus().isForbidden();
        client.get().uri("/api/newsroom/articles").cookie("NEWS_SESSION", editor).exchange().expectStatus().isOk();
        assertThat(ARTICLE_SERVICE.received("GET /api/newsroom/articles")).singleElement()
                .satisfies(r -> assertThat(r.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + editorToken));
    }

    @Test
    void aSignedInReaderAsksCommentServiceWhoSheIsAsACommenterWithHerSessionsToken() {
        COMMENT_SERVICE.on("GET /api/authors/me", Reply.json(200, "{\"id\":\"pseudonym-of-alice\",\"name\":\"Alice Park\"}"));
        String token = accessToken("alice");
        String session = signedIn("alice", "Alice Park", List.of("reader"), token, 300);

        client.get().uri("/api/authors/me").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/authors/me").cookie("NEWS_SESSION", "no-such-session").exchange()
                .expectStatus().isUnauthorized();
        assertThat(COMMENT_SERVICE.received("GET /api/authors/me")).as("nobody signed in: not asked").isEmpty();

        client.get().uri("/api/authors/me").cookie("NEWS_SESSION", session).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo("pseudonym-of-alice");
        assertThat(COMMENT_SERVICE.received("GET /api/authors/me")).singleElement()
                .satisfies(r -> assertThat(r.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token));
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedBeforeItIsRelayedAndTheSessionKeepsTheNewOne() {
        String path = "/api/articles/" + articleId() + "/comments";
        COMMENT_SERVICE.on("POST " + path, Reply.json(201, "{\"id\":\"c2\",\"text\":\"Hi\"}"));
        String old = accessToken("alice");
        String fresh = accessToken("alice");
        String session = signedIn("alice", "Alice Park", List.of("reader"), old, 20);
        TestIssuer.shared().onRefresh("refresh-" + session, fresh);

        String csrf = csrfToken();
        client.post().uri(path).cookie("NEWS_SESSION", session).cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"Hi\"}").exchange()
                .expectStatus().isCreated();

        assertThat(COMMENT_SERVICE.received("POST " + path)).singleElement()
                .satisfies(r -> assertThat(r.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + fresh));
        Map<String, OAuth2AuthorizedClient> stored = sessions.findById(session).block().getAttribute(SignedIn.AUTHORIZED_CLIENTS);
        assertThat(stored.get("news").getAccessToken().getTokenValue()).isEqualTo(fresh);
    }

    @Test
    void signingOutEndsTheSessionHereAndSendsTheBrowserToTheProvidersLogout() {
        String session = signedIn("alice", "Alice Park", List.of("reader"), accessToken("alice"), 300);
        client.post().uri("/logout").cookie("NEWS_SESSION", session).exchange().expectStatus().isForbidden();

        String csrf = csrfToken();
        client.post().uri("/logout").cookie("NEWS_SESSION", session).cookie("XSRF-TOKEN", csrf)
                .header("X-XSRF-TOKEN", csrf).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.location").value(location -> assertThat((String) location)
                        .startsWith(TestIssuer.shared().issuer() + "/connect/logout?id_token_hint=")
                        .contains("post_logout_redirect_uri="));

        assertThat(sessions.findById(session).blockOptional()).isEmpty();
        client.post().uri("/api/articles/" + articleId() + "/comments").cookie("NEWS_SESSION", session)
                .cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"after\"}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aBearerClientNeedsNoCsrfTokenEvenWithACookieAndItsTokenPassesUnchanged() {
        String path = "/api/articles/" + articleId() + "/comments";
        COMMENT_SERVICE.on("POST " + path, Reply.json(201, "{\"id\":\"c3\",\"text\":\"Hey\"}"));
        String session = signedIn("alice", "Alice Park", List.of("reader"), accessToken("alice"), 300);
        String bearer = TestTokens.reader("bob");

        client.post().uri(path).cookie("NEWS_SESSION", session).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"Hey\"}").exchange()
                .expectStatus().isCreated();
        assertThat(COMMENT_SERVICE.received("POST " + path)).singleElement()
                .satisfies(r -> assertThat(r.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + bearer));
    }

    @Test
    void aSessionWhoseIdChangedAtSignInIsStoredUnderTheNewIdOnly() {
        var session = sessions.createSession().block();
        session.setAttribute("page", "/article/a1");
        sessions.save(session).block();
        String before = session.getId();

        session.changeSessionId();
        sessions.save(session).block();

        assertThat(sessions.findById(before).blockOptional()).as("the id a fixated cookie would carry").isEmpty();
        assertThat(sessions.findById(session.getId()).block().<String>getAttribute("page")).isEqualTo("/article/a1");
    }

    @Test
    void publicReadsAndViewsNeverLoadASession() {
        long before = mongo.getCollection(MongoWebSessions.COLLECTION).flatMap(c -> Mono.from(c.countDocuments())).block();
        client.get().uri("/api/pages/home").cookie("NEWS_SESSION", "no-such-session").exchange()
                .expectStatus().value(status -> assertThat(status).isLessThan(500));
        client.post().uri("/api/articles/" + articleId() + "/views").cookie("NEWS_SESSION", "no-such-session")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        long after = mongo.getCollection(MongoWebSessions.COLLECTION).flatMap(c -> Mono.from(c.countDocuments())).block();
        assertThat(after).isEqualTo(before);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String articleId() {
        return "a-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String accessToken(String subject) {
        return TestTokens.reader(subject);
    }

    private String csrfToken() {
        return client.get().uri("/api/session").exchange().returnResult(Void.class).getResponseCookies()
                .getFirst("XSRF-TOKEN").getValue();
    }

    private String signedIn(String subject, String name, List<String> roles, String accessToken, long secondsLeft) {
        return new SignedIn(sessions, clients).session(subject, name, roles, accessToken, secondsLeft);
    }
}
