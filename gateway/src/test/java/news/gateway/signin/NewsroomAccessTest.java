package news.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import news.gateway.GatewayIntegrationTest;
import news.gateway.support.Downstream.Reply;
import news.testsupport.TestTokens;

/**
 * Readers never see the newsroom: its pages and its API answer 401 to a signed-out browser (cookie or not) and 403 to
 * a signed-in reader, before anything reaches a service; a browser opening a page is told what to do in HTML, with
 * the same status. An editor's session gets the pages (same Content-Security-Policy as the reader's site, never
 * cached) and its API calls, the moderation queue included, carry the editor's token.
 */
class NewsroomAccessTest extends GatewayIntegrationTest {

    private static final List<String> PAGES = List.of("/newsroom", "/newsroom/new", "/newsroom/articles/a1",
            "/newsroom/comments");

    @Autowired
    MongoWebSessions sessions;

    @Autowired
    ReactiveClientRegistrationRepository clients;

    @Test
    void aSignedOutBrowserGets401AndAPageThatOffersSignIn() {
        for (String page : PAGES) {
            EntityExchangeResult<String> answer = client.get().uri(page).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isUnauthorized().expectBody(String.class).returnResult();
            assertThat(answer.getResponseHeaders().getContentType()).as(page).isNotNull()
                    .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
            assertThat(answer.getResponseBody()).as(page).contains("href=\"/login?next=/newsroom\"");
            assertThat(answer.getResponseHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'");
            assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        }
        client.get().uri("/newsroom").cookie("NEWS_SESSION", "no-such-session").accept(MediaType.TEXT_HTML)
                .exchange().expectStatus().isUnauthorized();
        client.get().uri("/newsroom/sections").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theNewsroomApiIs401WithoutASessionOrTokenAndNothingReachesTheServices() {
        int reached = reached();
        for (String path : List.of("/api/newsroom/articles?status=draft", "/api/newsroom/articles/a1",
                "/api/newsroom/comments")) {
            client.get().uri(path).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.get().uri(path).cookie("NEWS_SESSION", "no-such-session").exchange().expectStatus().isUnauthorized();
        }
        assertThat(reached()).isEqualTo(reached);
    }

    @Test
    void aReaderGets403OnEveryNewsroomPageAndCall() {
        String reader = signedIn("alice", "Alice Park", List.of("reader"));
        int reached = reached();
        for (String page : PAGES) {
            EntityExchangeResult<String> answer = client.get().uri(page).cookie("NEWS_SESSION", reader)
                    .accept(MediaType.TEXT_HTML).exchange().expectStatus().isForbidden().expectBody(String.class)
                    .returnResult();
            assertThat(answer.getResponseBody()).as(page).contains("editor");
        }
        client.get().uri("/api/newsroom/comments").cookie("NEWS_SESSION", reader).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/newsroom/articles").cookie("NEWS_SESSION", reader).exchange()
                .expectStatus().isForbidden();
        assertThat(reached()).isEqualTo(reached);
    }

    @Test
    void anEditorGetsThePagesTheSectionsAndTheModerationQueueWithTheirToken() {
        String token = TestTokens.editor("eve");
        String editor = signedIn("eve", "Eve Moreau", List.of("reader", "editor"), token);
        for (String page : PAGES) {
            EntityExchangeResult<String> answer = client.get().uri(page).cookie("NEWS_SESSION", editor)
                    .accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class)
                    .returnResult();
            assertThat(answer.getResponseBody()).as(page).contains("/assets/newsroom.js");
            assertThat(answer.getResponseHeaders().getFirst("Content-Security-Policy")).as(page)
                    .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            assertThat(answer.getResponseHeaders().getCacheControl()).as(page).isEqualTo("no-store");
        }
        client.get().uri("/newsroom/sections").cookie("NEWS_SESSION", editor).accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.sections[0]").isEqualTo("Views")
                .jsonPath("$.sections.length()").isEqualTo(7);

        COMMENT_SERVICE.on("GET /api/newsroom/comments", Reply.json(200, "{\"items\":[],\"next\":null}"));
        client.get().uri("/api/newsroom/comments?limit=17").cookie("NEWS_SESSION", editor).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items").isArray();
        assertThat(COMMENT_SERVICE.received("GET /api/newsroom/comments")).filteredOn(r -> "limit=17".equals(r.query()))
                .singleElement()
                .satisfies(r -> assertThat(r.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token));
    }

    /** Newsroom calls the services behind the gateway received so far. */
    private static int reached() {
        return (int) (ARTICLE_SERVICE.received().stream().filter(r -> r.path().startsWith("/api/newsroom/")).count()
                + COMMENT_SERVICE.received().stream().filter(r -> r.path().startsWith("/api/newsroom/")).count());
    }

    private String signedIn(String subject, String name, List<String> roles) {
        return signedIn(subject, name, roles, TestTokens.reader(subject));
    }

    private String signedIn(String subject, String name, List<String> roles, String token) {
        return new SignedIn(sessions, clients).session(subject, name, roles, token, 300);
    }
}
