package news.launcher.dlq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads dead-letter topics and writes letters back to their topics. Reads without a consumer group (nothing is
 * committed, any number of operators may look at once) and only committed records: ranking-service dead-letters inside
 * its exactly-once transactions, and a letter of an aborted transaction was never a letter.
 */
final class DeadLetters {

    static final Duration READ_LIMIT = Duration.ofSeconds(60);

    /** A letter put back: where it went. */
    record Replayed(Letter letter, String topic, int partition, long offset) {
    }

    private final Map<String, Object> client;

    /** @param client the Kafka client settings: {@code bootstrap.servers} and, for a secured cluster, its security */
    DeadLetters(Map<String, Object> client) {
        this.client = Map.copyOf(client);
    }

    /** The letters of a dead-letter topic that match, oldest first per partition, as far as the topic reached now. */
    List<Letter> read(String topic, LetterFilter filter, int limit) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "news-dlq-tool");
        List<Letter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalArgumentException("the topic " + topic + " does not exist on " + client.get("bootstrap.servers"));
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            seek(consumer, partitions, filter.from());
            Set<TopicPartition> open = new LinkedHashSet<>();
            partitions.stream().filter(p -> consumer.position(p) < end.get(p)).forEach(open::add);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT.toSeconds()
                            + " s (still open: " + open + ")");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    Letter letter = new Letter(record.topic(), record.partition(), record.offset(),
                            Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(),
                            List.of(record.headers().toArray()));
                    if (filter.matches(letter)) {
                        letters.add(letter);
                    }
                }
                open.removeIf(p -> consumer.position(p) >= end.get(p));
            }
        }
        letters.sort(java.util.Comparator.comparing(Letter::partition).thenComparing(Letter::offset));
        return limit > 0 && letters.size() > limit ? letters.subList(0, limit) : letters;
    }

    /**
     * Puts letters back on their original topics: the original key (so the partitioner picks the partition the
     * original had; the original partition when the key is null), value and headers, {@code ce_id} included; the
     * dead-lettering headers are left out. A record several consumers dead-lettered goes back once.
     */
    List<Replayed> replay(List<Letter> letters) {
        Map<String, Letter> once = new LinkedHashMap<>();
        letters.forEach(l -> once.putIfAbsent(l.identity(), l));
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "news-dlq-tool");
        List<Replayed> replayed = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings)) {
            for (Letter letter : once.values()) {
                Integer partition = letter.key() == null ? letter.originalPartition() : null;
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(letter.originalTopic(), partition, null,
                        letter.key(), letter.value(), new RecordHeaders(letter.originalHeaders()));
                RecordMetadata sent = producer.send(record).get(30, TimeUnit.SECONDS);
                replayed.add(new Replayed(letter, sent.topic(), sent.partition(), sent.offset()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take a replayed letter (" + replayed.size() + " of "
                    + once.size() + " went back): " + e.getMessage(), e);
        }
        return replayed;
    }

    private static void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant from) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, Duration.ofSeconds(30));
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = offsets.get(partition);
            consumer.seek(partition, at == null ? end.get(partition) : at.offset());
        }
    }
}
