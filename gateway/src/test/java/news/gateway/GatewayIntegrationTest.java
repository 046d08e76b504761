package news.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import news.gateway.readmodel.ArticleCatalog;
import news.gateway.readmodel.Rankings;
import news.gateway.readmodel.ReadModelFeed;
import news.gateway.support.Events;
import news.gateway.support.Downstream;
import news.gateway.support.TestArticle;
import news.testsupport.UseNewsInfrastructure;
import news.testsupport.Spans;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * One running gateway for the integration tests: a real embedded Kafka broker feeds its read models, and the
 * services behind it are {@link Downstream}s (WireMock) answering the services' JSON on local ports, which tests can
 * stop or hang. Loopback is a trusted proxy here, so each test can act as its own client address through
 * {@code X-Forwarded-For}. Subclasses share the one application context; the spans it ends are kept in its
 * {@link Spans}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
@Import(Spans.class)
// a property a subclass may replace with its own @TestPropertySource (dynamic properties cannot be replaced)
@TestPropertySource(properties = "news.gateway.trusted-proxies=127.0.0.1/32,::1/128")
public abstract class GatewayIntegrationTest {

    protected static final Downstream ARTICLE_SERVICE = Downstream.start("article-service");
    protected static final Downstream COMMENT_SERVICE = Downstream.start("comment-service");
    protected static final Downstream RANKING_SERVICE = Downstream.start("ranking-service");
    /**
     * Longer than a degraded answer ever takes, however busy the test machine, and far shorter than waiting for a
     * hung service would take (the test client gives up after 30 s): an answer within it did not wait for the
     * failed service. The page budget itself (1.5 s) is a figure of the benchmarks, not of these tests.
     */
    public static final Duration NO_WAITING = Duration.ofSeconds(10);
    protected static final int MAX_BODY = 1024;
    protected static final int WRITE_BURST = 5;
    /** Writes of one signed-in reader, and of one editor, before 429: above what other tests send per account. */
    protected static final int READER_WRITE_BURST = 20;
    protected static final int EDITOR_WRITE_BURST = 40;
    /** Reads the gateway cannot answer from its caches, per client: far more than any other test sends. */
    protected static final int READ_BURST = 50;

    @DynamicPropertySource
    static void gatewaySettings(DynamicPropertyRegistry registry) {
        registry.add("news.gateway.services.article", ARTICLE_SERVICE::url);
        registry.add("news.gateway.services.comment", COMMENT_SERVICE::url);
        registry.add("news.gateway.services.ranking", RANKING_SERVICE::url);
        registry.add("news.gateway.pages.fresh-for", () -> "100ms");
        // longer than any test: a page takes its article and comments again only when an event says they changed
        registry.add("news.gateway.pages.parts-fresh-for", () -> "10m");
        // longer than any test waits: an article published after its 404 appears through the read model, not by expiry
        registry.add("news.gateway.pages.not-found-for", () -> "5m");
        registry.add("news.gateway.rate-limit.capacity", () -> WRITE_BURST);
        registry.add("news.gateway.rate-limit.refill", () -> 1);
        registry.add("news.gateway.rate-limit.period", () -> "1m");
        registry.add("news.gateway.account-limit.reader.capacity", () -> READER_WRITE_BURST);
        registry.add("news.gateway.account-limit.reader.refill", () -> 1);
        registry.add("news.gateway.account-limit.reader.period", () -> "1m");
        registry.add("news.gateway.account-limit.editor.capacity", () -> EDITOR_WRITE_BURST);
        registry.add("news.gateway.account-limit.editor.refill", () -> 1);
        registry.add("news.gateway.account-limit.editor.period", () -> "1m");
        registry.add("news.gateway.read-limit.capacity", () -> READ_BURST);
        registry.add("news.gateway.read-limit.refill", () -> READ_BURST);
        registry.add("news.gateway.read-limit.period", () -> "1m");
        registry.add("news.web.max-request-body", () -> MAX_BODY + "B");
        registry.add("news.gateway.cors.allowed-origins", () -> "https://frontend.example");
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
        // an open circuit stays open for the rest of a test; each test starts with closed ones (freshStart)
        registry.add("news.gateway.circuit-breaker.wait-in-open-state", () -> "5m");
    }

    @LocalServerPort
    protected int port;
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected CircuitBreakerRegistry circuitBreakers;

    @Autowired
    protected ReadModelFeed feed;

    @Autowired
    protected ArticleCatalog catalog;

    @Autowired
    protected Rankings rankings;

    protected static final Events EVENTS = new Events();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    protected WebTestClient client;

    /** A client address of its own for each test, so the budgets of different tests never meet. */
    protected String clientAddress;

    @BeforeEach
    void freshStart() {
        ARTICLE_SERVICE.answer();
        COMMENT_SERVICE.answer();
        RANKING_SERVICE.answer();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        clientAddress = "198.51." + ThreadLocalRandom.current().nextInt(0, 255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("X-Forwarded-For", clientAddress)
                .build();
        await("read models caught up").atMost(Duration.ofSeconds(60)).until(feed::caughtUp);
    }

    /** Publishes the articles on news.article-events and waits until the catalog has their versions. */
    protected static void publish(ArticleCatalog catalog, TestArticle... articles) {
        for (TestArticle article : articles) {
            EVENTS.article(article);
        }
        await("articles in the catalog").atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(articles)
                .allMatch(a -> catalog.find(a.id()).map(s -> s.version() >= a.version()).orElse(false)));
    }

    /** Publishes a site-wide ranking list and waits until the read model holds it. */
    protected void rank(String list, List<TestArticle> entries) {
        Instant computedAt = Instant.now();
        EVENTS.ranking(list, Rankings.ALL, computedAt, entries);
        await(list + " in the read model").atMost(Duration.ofSeconds(30)).until(() -> rankings.list(list, Rankings.ALL)
                .map(r -> !r.computedAt().isBefore(computedAt)).orElse(false));
    }

    /** A new article on news.article-events, in the catalog, and known to both services with these comments. */
    protected TestArticle onThePlatform(String section, String title, List<String> comments) {
        TestArticle article = TestArticle.published(section, title);
        publish(catalog, article);
        servicesKnow(article, comments);
        return article;
    }

    /** article-service and comment-service answer for this article as the real ones would. */
    protected static void servicesKnow(TestArticle article, List<String> comments) {
        ARTICLE_SERVICE.on("GET /api/articles/" + article.id(), Downstream.Reply.json(200, article.readerJson()));
        COMMENT_SERVICE.on("GET /api/articles/" + article.id() + "/comments",
                Downstream.Reply.json(200, article.commentsJson(comments)));
    }

    /** GET as JSON, with the time it took. */
    protected Timed get(String path) {
        long started = System.nanoTime();
        var result = client.get().uri(path).exchange().expectBody(byte[].class).returnResult();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        byte[] body = result.getResponseBody();
        return new Timed(result.getStatus().value(), result.getResponseHeaders(),
                body == null ? null : JSON.readTree(body), took);
    }

    protected record Timed(int status, HttpHeaders headers, JsonNode json, Duration took) {

        public List<String> degraded() {
            List<String> parts = new ArrayList<>();
            json.path("degraded").forEach(n -> parts.add(n.asString()));
            return parts;
        }

        public List<String> ids(String list) {
            List<String> ids = new ArrayList<>();
            json.path("lists").path(list).forEach(n -> ids.add(n.path("id").asString()));
            return ids;
        }
    }

    @AfterAll
    static void servicesAnswerAgain() {
        List.of(ARTICLE_SERVICE, COMMENT_SERVICE, RANKING_SERVICE).forEach(Downstream::answer);
    }
}
