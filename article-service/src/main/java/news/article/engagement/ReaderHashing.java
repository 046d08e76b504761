package news.article.engagement;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import news.kit.security.TokenTrust;

/**
 * The {@link ReaderHasher} of this instance. Outside the kit's development switch ({@code news.security.development})
 * the service refuses to start without a secret key: with a public one, anyone reading {@code news.article-views} or
 * its dead letters could recompute every reader's hash from guesses.
 */
@Configuration(proxyBeanMethods = false)
class ReaderHashing {

    private static final Logger log = LoggerFactory.getLogger(ReaderHashing.class);

    @Bean
    ReaderHasher readerHasher(ReaderProperties readers, Environment environment) {
        String key = readers.hashKey();
        boolean development = TokenTrust.development(environment);
        if (key == null || key.isBlank()) {
            if (!development) {
                throw new InvalidConfigurationPropertyValueException(ReaderProperties.HASH_KEY, "(not set)",
                        "Reader hashes need a secret key. Set NEWS_READERS_HASH_KEY (" + ReaderProperties.HASH_KEY
                                + ") to at least " + ReaderHasher.MIN_KEY_LENGTH + " random characters, e.g. the"
                                + " output of `openssl rand -base64 32`, from a secret (docs/deploy.md). Only"
                                + " development runs (" + TokenTrust.DEVELOPMENT + "=true, set by infra/platform up"
                                + " and tests) hash with the public development key.");
            }
            log.warn("{} is not set: development run, reader hashes use the PUBLIC development key; anyone can"
                    + " recompute them. Production sets NEWS_READERS_HASH_KEY from a secret.", ReaderProperties.HASH_KEY);
            key = ReaderHasher.DEVELOPMENT_KEY;
        } else if (key.length() < ReaderHasher.MIN_KEY_LENGTH) {
            throw new InvalidConfigurationPropertyValueException(ReaderProperties.HASH_KEY, "(" + key.length()
                    + " characters, not shown)", "The reader hash key is too short to stay secret: use at least "
                    + ReaderHasher.MIN_KEY_LENGTH + " random characters (`openssl rand -base64 32`).");
        } else if (key.equals(ReaderHasher.DEVELOPMENT_KEY) && !development) {
            throw new InvalidConfigurationPropertyValueException(ReaderProperties.HASH_KEY, "(the development key)",
                    "The development key is public: set NEWS_READERS_HASH_KEY to a secret of your own.");
        }
        if (readers.hashKeyRotation().compareTo(ReaderHasher.MIN_ROTATION) < 0) {
            throw new InvalidConfigurationPropertyValueException(ReaderProperties.HASH_KEY_ROTATION,
                    readers.hashKeyRotation(), "A key must hash for at least " + ReaderHasher.MIN_ROTATION.toHours()
                            + " h: a reader's views within 30 minutes must get one hash to be counted once.");
        }
        return new ReaderHasher(key, readers.hashKeyRotation(), Clock.systemUTC());
    }
}
