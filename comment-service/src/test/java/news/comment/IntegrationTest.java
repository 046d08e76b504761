package news.comment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import news.testsupport.ServiceClient;
import news.testsupport.ServiceClientExtension;
import news.testsupport.Spans;
import news.testsupport.TestHttp;
import news.testsupport.UseNewsInfrastructure;

/**
 * The service as it runs, on the shared real broker and store. Every subclass shares one application context (one
 * consumer of {@code news.article-events}); the spans it ends are kept in {@link Spans}. Tests make their own articles, authors and
 * client addresses (each {@link Api} has one), so they never see each other's comments or rate limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
@Import(Spans.class)
@ExtendWith(ServiceClientExtension.class)
abstract class IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Where the service sends its comment events (its default {@code news.topics.comment-events}). */
    static final String COMMENT_EVENTS = "news.comment-events";

    @ServiceClient
    Api api;
    @ServiceClient(management = true)
    TestHttp actuator;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    ArticleEventsProducer articleEvents;

    @BeforeEach
    void openProducer() {
        articleEvents = new ArticleEventsProducer();
    }

    @AfterEach
    void closeProducer() {
        articleEvents.close();
    }

    static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** A new article, published on news.article-events and seen by the replica. */
    String publishedArticle() {
        String articleId = newId("art");
        articleEvents.snapshot(articleId, "published", 1);
        awaitReplicaVersion(articleId, 1);
        return articleId;
    }

    void awaitReplicaVersion(String articleId, long version) {
        Awaitility.await("replica of " + articleId + " at version " + version).atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Document replica = replica(articleId);
                    return replica != null && replica.get("version", Number.class).longValue() == version;
                });
    }

    Document replica(String articleId) {
        return mongo.findOne(query(where("_id").is(articleId)), Document.class, "article_replica");
    }

    /** Every stored comment of the article, removed ones included. */
    long storedComments(String articleId) {
        return mongo.count(query(where("articleId").is(articleId)), "comments");
    }

    double counter(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
