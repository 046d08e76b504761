package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Watches a topic of the real broker from the moment it is opened (or from the beginning), without a consumer
 * group, so it never waits for a rebalance. Reads only committed records, as every consumer of the platform does.
 * <pre>{@code
 * try (TopicProbe probe = TopicProbe.tail("news.article-events")) {
 *     // act
 *     var records = probe.await(r -> r.key().equals(articleId), 2);
 * }
 * }</pre>
 */
public final class TopicProbe implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, String topic, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "topic-probe-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** Records written to the topic of the shared test broker after this call. */
    public static TopicProbe tail(String topic) {
        return new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), topic, false);
    }

    /** Every record of the topic of the shared test broker, old ones included. */
    public static TopicProbe fromBeginning(String topic) {
        return new TopicProbe(TestInfrastructure.kafkaBootstrapServers(), topic, true);
    }

    public static TopicProbe tail(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, false);
    }

    public static TopicProbe fromBeginning(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic, true);
    }

    /** Waits until at least {@code count} matching records arrived and returns all matching ones seen so far. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
        return await(matching, count, DEFAULT_TIMEOUT);
    }

    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> matching, int count,
                                                      Duration timeout) {
        Awaitility.await("" + count + " matching records").atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    poll(Duration.ofMillis(200));
                    return matches(matching).size() >= count;
                });
        return matches(matching);
    }

    /** Reads for {@code quiet} and asserts that no matching record arrived: proof that nothing was emitted. */
    public void assertNone(Predicate<ConsumerRecord<String, byte[]>> matching, Duration quiet) {
        assertExactly(matching, 0, quiet);
    }

    /**
     * Waits until {@code count} matching records arrived and asserts that no other matching one follows for
     * {@code quiet}; fails as soon as there is one too many. Returns the matching records, in arrival order.
     */
    public List<ConsumerRecord<String, byte[]>> assertExactly(Predicate<ConsumerRecord<String, byte[]>> matching,
                                                              int count, Duration quiet) {
        try {
            Awaitility.await(count + " matching records, and no more for " + quiet).during(quiet)
                    .atMost(quiet.plus(DEFAULT_TIMEOUT)).pollInterval(Duration.ofMillis(50))
                    .failFast("more than " + count + " matching records", () -> matches(matching).size() > count)
                    .until(() -> {
                        poll(Duration.ofMillis(200));
                        return matches(matching).size() == count;
                    });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            assertThat(matches(matching)).as("matching records (%s)", e.getMessage()).hasSize(count);
            throw e;
        }
        return matches(matching);
    }

    /** Every record seen so far, in arrival order. */
    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    private void poll(Duration duration) {
        consumer.poll(duration).forEach(seen::add);
    }

    private List<ConsumerRecord<String, byte[]>> matches(Predicate<ConsumerRecord<String, byte[]>> matching) {
        return seen.stream().filter(matching).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> withKey(String key) {
        return r -> key.equals(r.key());
    }

    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String ceType) {
        return r -> ceType.equals(header(r, "ce_type"));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
