package news.comment.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Whether an article takes comments, asked on every post: from memory, never longer than the read-cache time. */
class PublishedArticlesTest {

    private static final Duration TTL = Duration.ofSeconds(1);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server));
    private final MongoTemplate mongo = new MongoTemplate(client, "comments");
    private final AtomicLong nanos = new AtomicLong();
    private final PublishedArticles articles = new PublishedArticles(mongo, Clock.systemUTC(), TTL, nanos::get);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aSnapshotThisInstanceAppliesCountsAtOnce() {
        assertThat(articles.acceptsComments("a1")).as("unknown").isFalse();

        articles.apply(snapshot("a1", "published", 1));
        assertThat(articles.acceptsComments("a1")).isTrue();

        articles.apply(snapshot("a1", "unpublished", 2));
        assertThat(articles.acceptsComments("a1")).isFalse();
    }

    @Test
    void aSnapshotAnotherInstanceAppliedIsSeenWithinTheReadCacheTime() {
        articles.apply(snapshot("a1", "published", 1));
        assertThat(articles.acceptsComments("a1")).isTrue();

        // another instance of the consumer group applies version 2 to the shared replica
        mongo.updateFirst(query(where("_id").is("a1")), new Update().set("status", "unpublished").set("version", 2L),
                ArticleReplica.class);
        assertThat(articles.acceptsComments("a1")).as("answered from memory, not from the store").isTrue();

        nanos.addAndGet(TTL.toNanos() + TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(articles.acceptsComments("a1")).isFalse();
    }

    @Test
    void aZeroTimeAsksTheStoreEveryTime() {
        PublishedArticles uncached = new PublishedArticles(mongo, Clock.systemUTC(), Duration.ZERO, nanos::get);
        uncached.apply(snapshot("a1", "published", 1));
        assertThat(uncached.acceptsComments("a1")).isTrue();

        mongo.updateFirst(query(where("_id").is("a1")), new Update().set("status", "unpublished"), ArticleReplica.class);
        assertThat(uncached.acceptsComments("a1")).isFalse();
    }

    private static ArticleEvent snapshot(String articleId, String status, long version) {
        return new ArticleEvent("ce-" + articleId + "-" + version, "news.article." + status, articleId, status, version);
    }

    private static String hostAndPort(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }
}
