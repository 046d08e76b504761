package news.contracts;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One topic of {@code topics.yaml}.
 *
 * @param deadLetterOf for a dead-letter topic, the topic whose records it receives; otherwise null
 * @param dlq          the dead-letter topic of this topic, or null when its consumers need none
 */
public record TopicSpec(String name, String description, String key, int partitions, Map<String, String> config,
                        List<String> producers, List<String> consumers, String dlq, String deadLetterOf,
                        List<EventSpec> events) {

    public TopicSpec {
        config = config == null ? Map.of() : Map.copyOf(config);
        producers = producers == null ? List.of() : List.copyOf(producers);
        consumers = consumers == null ? List.of() : List.copyOf(consumers);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public boolean isDeadLetterTopic() {
        return deadLetterOf != null;
    }

    public boolean isCompacted() {
        return config.getOrDefault("cleanup.policy", "delete").contains("compact");
    }

    /**
     * The environment variable that renames this topic for every service (the kit's defaults read it):
     * {@code news.article-events} -> {@code NEWS_TOPIC_ARTICLE_EVENTS}.
     */
    public String renameVariable() {
        return "NEWS_TOPIC_" + name.substring("news.".length()).replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
