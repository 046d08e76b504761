package news.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

import news.kit.Sections;

/**
 * The service's configuration as production binds it ({@code application.yml} over the kit defaults), for tests that
 * run the topology without Spring; {@code overrides} use the same property names.
 */
public final class RankingTestConfig {

    private final Binder binder;

    private RankingTestConfig(Map<String, Object> overrides) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new MapPropertySource("overrides", Map.copyOf(overrides)));
        try {
            YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
            yaml.load("application", new ClassPathResource("application.yml")).forEach(sources::addLast);
            yaml.load("kit", new ClassPathResource("news-kit-defaults.yml")).forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }

    public static RankingTestConfig defaults() {
        return new RankingTestConfig(Map.of());
    }

    public static RankingTestConfig with(Map<String, Object> overrides) {
        return new RankingTestConfig(overrides);
    }

    public RankingProperties properties() {
        return binder.bind("news.ranking", RankingProperties.class).get();
    }

    public RankingTopics topics() {
        return binder.bind("news.topics", RankingTopics.class).get();
    }

    public Sections sections() {
        return binder.bind("news", Sections.class).get();
    }

    /** The Kafka Streams settings the binder passes on ({@code spring.cloud.stream.kafka.streams.binder.configuration}). */
    public Map<String, String> streamsConfiguration() {
        return binder.bind("spring.cloud.stream.kafka.streams.binder.configuration",
                Bindable.mapOf(String.class, String.class)).get();
    }
}
