package news.ranking.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import news.ranking.RankingTopics;

/**
 * A private copy of the service's topics on the shared test broker (same partitions as the contract), so a test's
 * lists hold only that test's articles. Topic names go to the service as {@code news.topics.*}.
 */
public final class IsolatedTopics {

    private final String prefix;

    private IsolatedTopics(String prefix) {
        this.prefix = prefix;
    }

    public static IsolatedTopics create(String bootstrapServers, String prefix) {
        IsolatedTopics topics = new IsolatedTopics(prefix);
        List<NewTopic> all = new ArrayList<>();
        for (String input : topics.topics().inputs()) {
            all.add(new NewTopic(input, 6, (short) 1));
            all.add(new NewTopic(RankingTopics.deadLetterTopic(input), 6, (short) 1));
        }
        all.add(new NewTopic(topics.topics().rankings(), 1, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(all).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics of " + prefix, e);
        }
        return topics;
    }

    /** The topics of a new run, {@code name} and a random suffix, so that no earlier run's records meet this one's. */
    public static IsolatedTopics createFresh(String bootstrapServers, String name) {
        return create(bootstrapServers, name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Topics created earlier, e.g. by the test that started this JVM. */
    public static IsolatedTopics named(String prefix) {
        return new IsolatedTopics(prefix);
    }

    public String prefix() {
        return prefix;
    }

    public RankingTopics topics() {
        return new RankingTopics(prefix + ".article-events", prefix + ".article-views", prefix + ".article-shares",
                prefix + ".comment-events", prefix + ".rankings");
    }

    /** The {@code news.topics.*} properties that point the service at these topics. */
    public Map<String, Object> properties() {
        RankingTopics t = topics();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("news.topics.article-events", t.articleEvents());
        properties.put("news.topics.article-views", t.articleViews());
        properties.put("news.topics.article-shares", t.articleShares());
        properties.put("news.topics.comment-events", t.commentEvents());
        properties.put("news.topics.rankings", t.rankings());
        return properties;
    }

    /** A producer as the other services configure theirs: idempotent, acks=all, batching. */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 131072,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }
}
