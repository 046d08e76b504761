package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import news.testsupport.ServiceClient;
import news.testsupport.ServiceClientExtension;
import news.testsupport.UseNewsInfrastructure;

/**
 * The service on a store of its own that the test stops: every request that needs the store answers 503 with
 * {@code Retry-After} as a problem detail (the views fast path included, which leaves it to the full path), and what
 * the service still knows from memory goes on being served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "news.mongo.timeouts.server-selection=400ms", "news.mongo.timeouts.connect=300ms",
        "news.mongo.timeouts.read=1s"})
@UseNewsInfrastructure
@ExtendWith(ServiceClientExtension.class)
@DirtiesContext
class StoreAwayTest {

    private static final MongoServer STORE = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        STORE.bind("127.0.0.1", 0);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopStore() {
        STORE.shutdownNow();
    }

    @ServiceClient
    Api api;

    @Test
    void withTheStoreAwayRequestsThatNeedItAre503WithRetryAfter() {
        String viewed = api.publishedArticle("Policy").path("id").asString();
        String neverRead = api.publishedArticle("Navy").path("id").asString();
        assertThat(api.post("/api/articles/" + viewed + "/views", null, "{}").statusCode()).isEqualTo(202);

        STORE.shutdownNow();

        assertStoreAway(api.post("/api/articles/" + neverRead + "/views", null, "{}"));
        assertStoreAway(api.get("/api/articles/" + neverRead));
        assertStoreAway(api.post("/api/articles", Api.EDITOR, api.write(Api.article("While away", "Policy"))));
        assertThat(api.post("/api/articles/" + viewed + "/views", null, "{}").statusCode())
                .as("a view of an article the service has in memory needs no store").isEqualTo(202);
    }

    private static void assertStoreAway(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":503").contains("did not answer in time");
    }
}
