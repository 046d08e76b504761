package news.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import news.testsupport.EngagementEvents;
import news.testsupport.TestEvent;

/**
 * The topics as an analytics-side or replaying client sees them: a plain producer of contract-valid CloudEvents
 * (binary mode, infra/contracts/cloudevents.md), consumer-group lag, and the partition of a key.
 */
final class Kafka {

    static final String ARTICLE_EVENTS = "news.article-events";
    static final String VIEWS = "news.article-views";
    static final String SHARES = "news.article-shares";
    static final String COMMENTS = "news.comment-events";
    static final String RANKINGS = "news.rankings";
    static final List<String> RANKING_INPUTS = List.of(ARTICLE_EVENTS, VIEWS, SHARES, COMMENTS);
    static final int PARTITIONS = 6;

    private Kafka() {
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // room for the 1 MiB poison records; the broker's limit applies to the compressed batch
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A record with the CloudEvents headers of the contract, whatever its payload (for poison as well). */
    static ProducerRecord<String, byte[]> event(String topic, String key, String type, String source, String ceId,
                                                Instant time, byte[] payload) {
        return new TestEvent(ceId, type, source, key, time, new String(payload, StandardCharsets.UTF_8)).record(topic);
    }

    /** A view of {@code reader} (hashed as article-service would), the shared fixture of test-support. */
    static ProducerRecord<String, byte[]> view(String articleId, String section, String reader, boolean bot,
                                               Instant viewedAt) {
        return EngagementEvents.view(articleId, section, reader, bot, viewedAt).record(VIEWS);
    }

    static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The partition the default partitioner gives a key (murmur2), on a topic of {@link #PARTITIONS}. */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** Records of {@code topics} not yet committed by {@code group}: end offsets minus committed offsets. */
    static long lag(String bootstrap, String group, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                for (int p = 0; p < PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of " + group + ": " + e, e);
        }
    }

    /** Sum of the end offsets of a topic's partitions. */
    static long endOffsets(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e, e);
        }
    }
}
