package news.ranking.bench.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The peers of benchmark (a) as a command-line tool, driven by {@code ranking-service/bench/throughput.sh}:
 * <pre>
 *   flink &lt;bootstrap&gt; &lt;group&gt; &lt;checkpoint dir&gt; &lt;output topic&gt; [parallelism]   the Flink job, until killed
 *   flink-top &lt;bootstrap&gt; &lt;output topic&gt; &lt;n&gt;                          its latest popular-now|all, top n
 *   redis &lt;bootstrap&gt; &lt;group&gt; &lt;redis port&gt;                           the Redis consumer, until killed
 *   redis-top &lt;redis port&gt; &lt;n&gt;                                       its popular-now of all, top n
 * </pre>
 * Tops print one "articleId score" line per entry, best first, as the script compares them with ranking-service's.
 */
public final class Peers {

    private Peers() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "flink" -> FlinkPopularNow.run(args[1], args[2], args[3], args[4],
                    args.length > 5 ? Integer.parseInt(args[5]) : Runtime.getRuntime().availableProcessors());
            case "flink-top" -> flinkTop(args[1], args[2], Integer.parseInt(args[3])).forEach(System.out::println);
            case "redis" -> RedisPopularNow.run(args[1], args[2], Integer.parseInt(args[3]));
            case "redis-top" -> RedisPopularNow.top(Integer.parseInt(args[1]), Rules.ALL, Integer.parseInt(args[2]))
                    .forEach(System.out::println);
            default -> {
                System.err.println("usage: Peers flink|flink-top|redis|redis-top ... (see ranking-service/bench/README.md)");
                System.exit(2);
            }
        }
    }

    /** The last committed {@code popular-now|all} record of the Flink job's output topic. */
    private static List<String> flinkTop(String bootstrap, String topic, int n) {
        Properties config = new Properties();
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        String last = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if ((Rules.LIST + Rules.ALL).equals(record.key())) {
                        last = record.value();
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        if (last == null) {
            return lines;
        }
        try (JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), last)) {
            String id = null;
            for (JsonToken token = p.nextToken(); token != null && lines.size() < n; token = p.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && "articleId".equals(p.currentName())) {
                    p.nextToken();
                    id = p.getString();
                } else if (token == JsonToken.PROPERTY_NAME && "score".equals(p.currentName())) {
                    p.nextToken();
                    lines.add(id + " " + p.getLongValue());
                }
            }
        }
        return lines;
    }
}
