package news.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The topic list of the platform, read from {@code contracts/topics.yaml} on the classpath.
 */
public final class TopicCatalog {

    static final String RESOURCE = "contracts/topics.yaml";

    private final List<TopicSpec> topics;

    private TopicCatalog(List<TopicSpec> topics) {
        this.topics = List.copyOf(topics);
    }

    public static TopicCatalog load() {
        try (InputStream in = resource(RESOURCE)) {
            YAMLMapper yaml = YAMLMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();
            return new TopicCatalog(yaml.readValue(in, Document.class).topics());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public List<TopicSpec> topics() {
        return topics;
    }

    public TopicSpec topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No topic '" + name + "' in " + RESOURCE));
    }

    /** The topic that carries events of this CloudEvents type, if the type is part of the contract. */
    public Optional<TopicSpec> topicOfType(String ceType) {
        return topics.stream().filter(t -> t.events().stream().anyMatch(e -> e.type().equals(ceType))).findFirst();
    }

    public Optional<EventSpec> eventType(String ceType) {
        return topics.stream().flatMap(t -> t.events().stream()).filter(e -> e.type().equals(ceType)).findFirst();
    }

    static InputStream resource(String name) {
        InputStream in = TopicCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath: depend on news.platform:contracts");
        }
        return in;
    }

    private record Document(List<TopicSpec> topics) {
    }
}
