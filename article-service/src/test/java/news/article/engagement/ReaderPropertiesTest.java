package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables the README documents for the reader settings reach them. */
class ReaderPropertiesTest {

    @Test
    void botPatternsFromTheEnvironmentReplaceTheListAndTheKeyAndItsRotationAreRead() {
        ReaderProperties readers = bind(Map.of("NEWS_READERS_BOT_PATTERNS", "Googlebot,curl/",
                "NEWS_READERS_HASH_KEY", "s3cret", "NEWS_READERS_HASH_KEY_ROTATION", "12h"));

        assertThat(readers.botPatterns()).containsExactly("Googlebot", "curl/");
        assertThat(readers.hashKey()).isEqualTo("s3cret");
        assertThat(readers.hashKeyRotation()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void theKeyRotatesDailyByDefault() {
        assertThat(bind(Map.of("NEWS_READERS_HASH_KEY", "s3cret")).hashKeyRotation()).isEqualTo(Duration.ofDays(1));
    }

    private static ReaderProperties bind(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environment));
        return new Binder(ConfigurationPropertySources.from(sources)).bind("news.readers", ReaderProperties.class).get();
    }
}
