package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/**
 * One variable renames a topic for the whole platform. Every topic of {@code infra/contracts/topics.yaml} has one
 * setting, {@code news.topics.<name without news.>} in the kit defaults, with the environment variable
 * {@code NEWS_TOPIC_<NAME>} (e.g. {@code NEWS_TOPIC_ARTICLE_EVENTS}); every service resolves its configuration
 * (application.yml over the kit defaults, as at start) with each topic renamed, and then no setting of any service
 * still names the old topic, each producer and consumer of the topic names the new one, and no main code of a service
 * spells a topic name as a literal.
 */
class TopicSettingsTest {

    private final List<TopicSpec> topics = TopicCatalog.load().topics().stream()
            .filter(t -> !t.isDeadLetterTopic()).toList();

    @Test
    void renamingEveryTopicByItsVariableLeavesNoServiceOnTheOldNameAndEveryProducerAndConsumerOnTheNew() {
        Map<String, Object> renamed = new LinkedHashMap<>();
        topics.forEach(t -> renamed.put(t.renameVariable(), "renamed." + t.name()));
        List<String> problems = new ArrayList<>();
        for (String module : ServiceConfig.MODULES) {
            StandardEnvironment environment = environment(module, renamed);
            String service = environment.getProperty("spring.application.name");
            Map<String, String> resolved = resolvedSettings(environment);
            for (TopicSpec topic : topics) {
                resolved.forEach((key, value) -> {
                    if (names(value, topic.name())) {
                        problems.add(module + ": " + key + " still names " + topic.name());
                    }
                });
                boolean involved = topic.producers().contains(service) || topic.consumers().contains(service);
                boolean followed = resolved.values().stream().anyMatch(v -> names(v, "renamed." + topic.name()));
                if (involved && !followed) {
                    problems.add(module + ": writes or reads " + topic.name() + " but no setting follows "
                            + topic.renameVariable());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void withoutTheVariablesEveryServiceUsesTheContractsNames() {
        for (String module : ServiceConfig.MODULES) {
            StandardEnvironment environment = environment(module, Map.of());
            for (TopicSpec topic : topics) {
                assertThat(environment.getProperty(property(topic))).as(module + " " + property(topic))
                        .isEqualTo(topic.name());
            }
        }
    }

    @Test
    void noServiceCodeSpellsATopicName() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> roots = new ArrayList<>(ServiceConfig.MODULES.stream()
                .map(m -> Repository.ROOT.resolve(m).resolve("src/main/java")).toList());
        roots.add(Repository.ROOT.resolve("infra/service-kit/src/main/java"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    topics.stream().filter(t -> code.contains("\"" + t.name() + "\""))
                            .forEach(t -> found.add(Repository.ROOT.relativize(file) + ": \"" + t.name() + "\""));
                }
            }
        }
        assertThat(found).as("topic names belong in news.topics.* (kit defaults), not in code").isEmpty();
    }

    /** {@code news.article-events} -> {@code news.topics.article-events}. */
    static String property(TopicSpec topic) {
        return "news.topics." + topic.name().substring("news.".length());
    }

    /**
     * A setting names a topic when the topic (or its dead-letter topic) is the value or one of its comma-separated
     * values; prose (a description, with spaces) only mentions topics.
     */
    private static boolean names(String value, String topic) {
        if (value.strip().matches(".*\\s.*")) {
            return false;
        }
        for (String part : value.split(",")) {
            String p = part.strip();
            if (p.equals(topic) || p.equals(topic + ".dlq")) {
                return true;
            }
        }
        return false;
    }

    private static StandardEnvironment environment(String module, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().forEach(s -> environment.getPropertySources().remove(s.getName()));
        environment.setIgnoreUnresolvableNestedPlaceholders(true);
        environment.getPropertySources().addLast(new MapPropertySource("variables", variables));
        load(Repository.ROOT.resolve(module).resolve("src/main/resources/application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        load(ServiceConfig.KIT_DEFAULTS).forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static Map<String, String> resolvedSettings(StandardEnvironment environment) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable && !source.getName().equals("variables")) {
                for (String key : enumerable.getPropertyNames()) {
                    String value = environment.getProperty(key);
                    if (value != null) {
                        resolved.putIfAbsent(key, value);
                    }
                }
            }
        }
        return resolved;
    }

    /** The documents of a YAML file that apply without a profile. */
    private static List<PropertySource<?>> load(Path yaml) {
        try {
            return new YamlPropertySourceLoader().load(yaml.toString(), new FileSystemResource(yaml)).stream()
                    .filter(s -> !s.containsProperty("spring.config.activate.on-profile"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
