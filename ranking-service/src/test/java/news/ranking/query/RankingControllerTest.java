package news.ranking.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.sun.net.httpserver.HttpServer;

import news.kit.Sections;
import news.kit.web.ProblemDetailsAdvice;
import news.ranking.RankingProperties;
import news.ranking.rules.ListKey;
import news.ranking.RankingTestConfig;
import news.ranking.rules.ListKinds;
import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;
import news.ranking.rules.Times;
import news.ranking.topology.StoredList;

/** The query API at its edge: validation, limits, the owner's answer, forwarding, and 503 while not ready. */
@WebMvcTest(RankingController.class)
@Import({RankingControllerTest.Fakes.class, ProblemDetailsAdvice.class, Forwarder.class})
class RankingControllerTest {

    private static final ListKinds KINDS = RankingTestConfig.defaults().properties().listKinds();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    FakeLocator locator;

    private HttpServer owner;
    private final AtomicReference<String> askedOwner = new AtomicReference<>();
    private final AtomicReference<String> ownerSawForwarded = new AtomicReference<>();

    @AfterEach
    void stopOwner() {
        locator.locations.clear();
        if (owner != null) {
            owner.stop(0);
        }
    }

    @Test
    void answersTheStoredListCutToTheLimit() {
        locator.here(ListKey.of(KINDS.bySlug("popular-now").orElseThrow(), "all"), list("popular-now", "all", 8));

        MvcTestResult result = mvc.get().uri("/api/rankings/popular-now?limit=3").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {"list":"popular-now","section":"all","window":"PT60M","computedAt":"2026-11-25T10:00:00.000Z",
                 "entries":[
                  {"articleId":"a-0","title":"Title 0","section":"Navy","publishedAt":"2026-11-25T09:00:00.000Z","score":8,"fallback":false},
                  {"articleId":"a-1","title":"Title 1","section":"Navy","publishedAt":"2026-11-25T09:00:00.000Z","score":7,"fallback":false},
                  {"articleId":"a-2","title":"Title 2","section":"Navy","publishedAt":"2026-11-25T09:00:00.000Z","score":6,"fallback":false}]}
                """);
        assertThat(result).bodyJson().extractingPath("$.entries.length()").isEqualTo(3);
    }

    @Test
    void theDefaultsAreSectionAllAndSixEntries() {
        locator.here(ListKey.of(KINDS.bySlug("must-reads").orElseThrow(), "all"), list("must-reads", "all", 10));

        MvcTestResult result = mvc.get().uri("/api/rankings/must-reads").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.entries.length()").isEqualTo(6);
    }

    @Test
    void aSectionIsAcceptedInAnyCaseOrAsASlug() {
        locator.here(ListKey.of(KINDS.bySlug("popular-now").orElseThrow(), "Air Force"), list("popular-now", "Air Force", 2));

        assertThat(mvc.get().uri("/api/rankings/popular-now?section=air-force")).hasStatusOk()
                .bodyJson().extractingPath("$.section").isEqualTo("Air Force");
        assertThat(mvc.get().uri("/api/rankings/popular-now?section=AIR FORCE")).hasStatusOk();
        locator.here(ListKey.of(KINDS.bySlug("popular-now").orElseThrow(), "all"), list("popular-now", "all", 2));
        assertThat(mvc.get().uri("/api/rankings/popular-now?section=ALL")).hasStatusOk();
    }

    @Test
    void anUnknownListIs400() {
        assertProblem(mvc.get().uri("/api/rankings/most-discussed").exchange(), 400,
                "Unknown list 'most-discussed': use popular-now, must-reads or most-shared.");
    }

    @Test
    void anUnknownSectionIs400() {
        assertProblem(mvc.get().uri("/api/rankings/popular-now?section=Space").exchange(), 400,
                "Unknown section 'Space': use all or one of Views, Army, Navy, Air Force, Defense Industry, "
                        + "North Korea, Policy.");
    }

    @Test
    void aLimitOutsideOneToFiftyIs400() {
        for (String limit : List.of("0", "51", "-3", "six", "2.5", "99999999999")) {
            assertProblem(mvc.get().uri("/api/rankings/popular-now?limit={limit}", limit).exchange(), 400,
                    "limit must be a whole number from 1 to 50; got '" + limit + "'.");
        }
        locator.here(ListKey.of(KINDS.bySlug("popular-now").orElseThrow(), "all"), list("popular-now", "all", 60));
        assertThat(mvc.get().uri("/api/rankings/popular-now?limit=50")).hasStatusOk()
                .bodyJson().extractingPath("$.entries.length()").isEqualTo(50);
        assertThat(mvc.get().uri("/api/rankings/popular-now?limit=1")).hasStatusOk()
                .bodyJson().extractingPath("$.entries.length()").isEqualTo(1);
    }

    @Test
    void whileTheListCannotBeAnsweredTheAnswerIs503WithRetryAfter() {
        locator.locations.put("popular-now|Navy", new ListLocator.NotReady("the ranking streams are REBALANCING"));
        MvcTestResult rebalancing = mvc.get().uri("/api/rankings/popular-now?section=Navy").exchange();
        assertProblem(rebalancing, 503, "The list popular-now|Navy cannot be answered yet: the ranking streams are"
                + " REBALANCING.");
        assertThat(rebalancing).headers().hasSingleValue("Retry-After", "1");

        locator.locations.put("popular-now|Army", new ListLocator.Here(null));
        MvcTestResult notComputed = mvc.get().uri("/api/rankings/popular-now?section=Army").exchange();
        assertProblem(notComputed, 503, "The list popular-now|Army has not been computed yet.");
        assertThat(notComputed).headers().hasSingleValue("Retry-After", "1");
    }

    @Test
    void aListOwnedByAnotherInstanceIsAskedForThereAndItsAnswerRelayed() throws IOException {
        String body = "{\"list\":\"must-reads\",\"section\":\"Navy\",\"window\":\"P7D\",\"computedAt\":"
                + "\"2026-11-25T10:00:00.000Z\",\"entries\":[]}";
        ownerAnswers(200, "application/json", body);

        MvcTestResult result = mvc.get().uri("/api/rankings/must-reads?section=navy&limit=4").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(result).hasBodyTextEqualTo(body);
        assertThat(askedOwner.get()).isEqualTo("/api/rankings/must-reads?section=Navy&limit=4");
        assertThat(ownerSawForwarded.get()).isEqualTo("true");
    }

    @Test
    void aForwardedRequestForAListThatMovedAgainIs503InsteadOfAnotherHop() {
        locator.locations.put("must-reads|Navy", new ListLocator.There("127.0.0.1", 1));

        MvcTestResult result = mvc.get().uri("/api/rankings/must-reads?section=Navy")
                .header(Forwarder.FORWARDED, "true").exchange();

        assertProblem(result, 503, "The list must-reads|Navy is moving between instances.");
    }

    @Test
    void anOwnerThatDoesNotAnswerIs503NamingNeitherTheOwnerNorTheError() {
        locator.locations.put("must-reads|Navy", new ListLocator.There("127.0.0.1", 1));

        assertCannotBeAnsweredRevealing(navyMustReads(), "127.0.0.1", "connect");
    }

    @Test
    void anOwnersAnswerThatIsNotJsonIsNeverRelayed() throws IOException {
        ownerAnswers(200, "text/html; charset=utf-8", "<html><script>alert(1)</script></html>");

        assertCannotBeAnsweredRevealing(navyMustReads(), "script", String.valueOf(owner.getAddress().getPort()));
    }

    @Test
    void anOwnersProblemIsRelayedAsAProblem() throws IOException {
        String problem = "{\"status\":503,\"detail\":\"The list must-reads|Navy has not been computed yet.\"}";
        ownerAnswers(503, "application/problem+json", problem);

        MvcTestResult result = navyMustReads();

        assertProblem(result, 503, "The list must-reads|Navy has not been computed yet.");
        assertThat(result).headers().hasSingleValue("Retry-After", "1");
    }

    private MvcTestResult navyMustReads() {
        return mvc.get().uri("/api/rankings/must-reads?section=Navy").exchange();
    }

    /**
     * The owner of must-reads|Navy: another instance that answers every list request so (with Retry-After: 1) and
     * remembers what it was asked.
     */
    private void ownerAnswers(int status, String contentType, String body) throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/api/rankings", exchange -> {
            askedOwner.set(exchange.getRequestURI().toString());
            ownerSawForwarded.set(exchange.getRequestHeaders().getFirst(Forwarder.FORWARDED));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        owner.start();
        locator.locations.put("must-reads|Navy", new ListLocator.There("127.0.0.1", owner.getAddress().getPort()));
    }

    /** 503 with Retry-After, saying only that the list cannot be answered: none of {@code hidden}, no exception. */
    private static void assertCannotBeAnsweredRevealing(MvcTestResult result, String... hidden) {
        assertProblem(result, 503, "The list must-reads|Navy cannot be answered right now.");
        assertThat(result).headers().hasSingleValue("Retry-After", "1");
        assertThat(result).bodyText().doesNotContain("Exception");
        for (String text : hidden) {
            assertThat(result).bodyText().doesNotContainIgnoringCase(text);
        }
    }

    private static void assertProblem(MvcTestResult result, int status, String detail) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(detail);
    }

    private static StoredList list(String list, String section, int entries) {
        long publishedAt = Instant.parse("2026-11-25T09:00:00Z").toEpochMilli();
        List<RankedEntry> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < entries; i++) {
            ranked.add(new RankedEntry("a-" + i, "Title " + i, "Navy", Times.format(publishedAt), entries - i,
                    false));
        }
        return new StoredList(new RankedList(list, section, list.equals("popular-now") ? "PT60M" : "P7D",
                "2026-11-25T10:00:00.000Z", ranked), true, 0);
    }

    static final class FakeLocator implements ListLocator {

        final Map<String, Location> locations = new HashMap<>();

        void here(ListKey key, StoredList list) {
            locations.put(key.value(), new Here(list));
        }

        @Override
        public Location locate(ListKey key) {
            return locations.getOrDefault(key.value(), new NotReady("no such list in this test"));
        }
    }

    @TestConfiguration
    @EnableConfigurationProperties(RankingProperties.class)
    static class Fakes {

        @Bean
        FakeLocator fakeLocator() {
            return new FakeLocator();
        }

        @Bean
        Sections sections() {
            return new Sections(List.of("Views", "Army", "Navy", "Air Force", "Defense Industry", "North Korea",
                    "Policy"));
        }
    }
}
