package news.ranking.bench.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Popular Now the pragmatic way: a plain Kafka consumer feeding Redis. Per poll, one pipeline of
 * {@code SET seen:{article}|{reader} 1 NX PX 30min} for every human view, then one pipeline of {@code ZINCRBY} into the
 * sorted set of the view's section and of {@code all} for its minute, for the views whose {@code SET} was new; then
 * the offsets are committed. Reading the list is a {@code ZUNIONSTORE} of the last 60 minute sets.
 * <p>
 * Not exact, and not meant to be: a crash between the pipelines and the offset commit counts a batch again
 * (at-least-once); the repeat rule expires 30 minutes after the counted view by Redis' clock, not by the views' event
 * times; the window moves by whole minutes.
 */
final class RedisPopularNow {

    private static final long MINUTE = 60_000;

    private RedisPopularNow() {
    }

    static void run(String bootstrap, String group, int port) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        SetParams once = SetParams.setParams().nx().px(Rules.REPEAT_INTERVAL);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()); Jedis redis = new Jedis("127.0.0.1", port)) {
            consumer.subscribe(List.of(Rules.VIEWS_TOPIC));
            while (!Thread.currentThread().isInterrupted()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<View> views = new ArrayList<>(records.count());
                List<Response<String>> firsts = new ArrayList<>(records.count());
                Pipeline seen = redis.pipelined();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    View view = record.value() == null ? null : View.parse(record.value());
                    if (view != null && !view.bot) {
                        views.add(view);
                        firsts.add(seen.set("seen:" + view.articleId + "|" + view.readerHash, "1", once));
                    }
                }
                seen.sync();
                Pipeline count = redis.pipelined();
                Set<String> buckets = new HashSet<>();
                for (int i = 0; i < views.size(); i++) {
                    if (firsts.get(i).get() != null) {
                        View view = views.get(i);
                        long minute = view.viewedAt - view.viewedAt % MINUTE;
                        String section = bucket(view.section, minute);
                        String all = bucket(Rules.ALL, minute);
                        count.zincrby(section, 1, view.articleId);
                        count.zincrby(all, 1, view.articleId);
                        buckets.add(section);
                        buckets.add(all);
                    }
                }
                buckets.forEach(key -> count.pexpire(key, Rules.WINDOW + MINUTE));
                count.sync();
                consumer.commitSync();
            }
        }
    }

    /** The top {@code n} of {@code section} over the last 60 minutes, as "articleId score" lines. */
    static List<String> top(int port, String section, int n) {
        try (Jedis redis = new Jedis("127.0.0.1", port)) {
            long now = System.currentTimeMillis();
            long current = now - now % MINUTE;
            List<String> keys = new ArrayList<>();
            for (long minute = current - Rules.WINDOW + MINUTE; minute <= current; minute += MINUTE) {
                keys.add(bucket(section, minute));
            }
            String union = "top:" + section + ":" + now;
            redis.zunionstore(union, keys.toArray(String[]::new));
            List<String> lines = new ArrayList<>();
            for (Tuple entry : redis.zrevrangeWithScores(union, 0, n - 1)) {
                lines.add(entry.getElement() + " " + (long) entry.getScore());
            }
            redis.del(union);
            return lines;
        }
    }

    private static String bucket(String section, long minute) {
        return "pn:" + section + ":" + minute;
    }
}
