package news.ranking.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link StandaloneRanking} instances a test starts ({@code @RegisterExtension}), each closed after the test
 * whatever its outcome, so that none keeps its consumer group or state directory busy for the next test.
 */
public final class StartedStreams implements AfterEachCallback {

    private final List<KafkaStreams> started = new ArrayList<>();

    public KafkaStreams start(String bootstrapServers, String applicationId, Path stateDir, IsolatedTopics topics) {
        return start(bootstrapServers, applicationId, stateDir, topics, Map.of());
    }

    /** {@code settings}: more of the service's settings, over the topics'. */
    public KafkaStreams start(String bootstrapServers, String applicationId, Path stateDir, IsolatedTopics topics,
                              Map<String, Object> settings) {
        KafkaStreams streams = StandaloneRanking.create(bootstrapServers, applicationId, stateDir, topics, settings);
        started.add(streams);
        streams.start();
        return streams;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(streams -> streams.close(Duration.ofSeconds(20)));
    }
}
