package news.article.engagement;

import java.time.Clock;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import news.kit.security.SecretKeys;

/**
 * The {@link ReaderHasher} of this instance. Outside the kit's development switch ({@code news.security.development})
 * the service refuses to start without a secret key: with a public one, anyone reading {@code news.article-views} or
 * its dead letters could recompute every reader's hash from guesses.
 */
@Configuration(proxyBeanMethods = false)
class ReaderHashing {

    private static final SecretKeys KEY = new SecretKeys(ReaderProperties.HASH_KEY, "NEWS_READERS_HASH_KEY",
            "Reader hashes need a secret key.", ReaderHasher.DEVELOPMENT_KEY, ReaderHasher.MIN_KEY_LENGTH);

    @Bean
    ReaderHasher readerHasher(ReaderProperties readers, Environment environment) {
        String key = KEY.require(readers.hashKey(), environment);
        if (readers.hashKeyRotation().compareTo(ReaderHasher.MIN_ROTATION) < 0) {
            throw new InvalidConfigurationPropertyValueException(ReaderProperties.HASH_KEY_ROTATION,
                    readers.hashKeyRotation(), "A key must hash for at least " + ReaderHasher.MIN_ROTATION.toHours()
                            + " h: a reader's views within 30 minutes must get one hash to be counted once.");
        }
        return new ReaderHasher(key, readers.hashKeyRotation(), Clock.systemUTC());
    }
}
