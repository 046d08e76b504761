package news.ranking.it;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.ranking.RankingTestConfig;
import news.ranking.rules.Candidate;
import news.ranking.topology.RankingMetrics;
import news.ranking.topology.RankingStores;
import news.ranking.topology.RankingTopology;

/**
 * The topology in a plain {@link KafkaStreams} client with the service's own Streams settings
 * ({@code application.yml}), against isolated topics. Its {@link #main} runs it in a JVM of its own, which a test can
 * kill without any shutdown: {@code StandaloneRanking <bootstrap> <application.id> <state dir> <topic prefix>}.
 */
public final class StandaloneRanking {

    private StandaloneRanking() {
    }

    public static KafkaStreams create(String bootstrapServers, String applicationId, Path stateDir,
                                      IsolatedTopics topics) {
        return create(bootstrapServers, applicationId, stateDir, topics, Map.of());
    }

    /** {@code settings}: more of the service's settings, over the topics'. */
    public static KafkaStreams create(String bootstrapServers, String applicationId, Path stateDir,
                                      IsolatedTopics topics, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(topics.properties());
        all.putAll(settings);
        RankingTestConfig config = RankingTestConfig.with(all);
        Properties properties = new Properties();
        properties.putAll(config.streamsConfiguration());
        properties.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        RankingTopology topology = new RankingTopology(config.properties(), config.topics(), config.sections(),
                new RankingMetrics(new SimpleMeterRegistry()));
        return new KafkaStreams(topology.topology(), properties);
    }

    /** The list stage's candidates (by list, section and article: the counts a list ranks by) of a running instance. */
    public static ReadOnlyKeyValueStore<String, Candidate> candidates(KafkaStreams streams) {
        return streams.store(StoreQueryParameters.fromNameAndType(RankingStores.CANDIDATES,
                QueryableStoreTypes.<String, Candidate>keyValueStore()));
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaStreams streams = create(args[0], args[1], Path.of(args[2]), IsolatedTopics.named(args[3]));
        streams.setStateListener((now, before) -> System.out.println("state " + before + " -> " + now));
        streams.start();
        Thread.currentThread().join();
    }
}
