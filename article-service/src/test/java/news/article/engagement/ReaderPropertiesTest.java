package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;

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
    void botPatternsFromTheEnvironmentReplaceTheListAndTheSaltIsRead() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("NEWS_READERS_BOT_PATTERNS", "Googlebot,curl/", "NEWS_READERS_HASH_SALT", "s3cret")));
        ReaderProperties readers = new Binder(ConfigurationPropertySources.from(sources))
                .bind("news.readers", ReaderProperties.class).get();

        assertThat(readers.botPatterns()).containsExactly("Googlebot", "curl/");
        assertThat(readers.hashSalt()).isEqualTo("s3cret");
    }
}
