package news.article.engagement;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the engagement feature: reader hashing, bot detection and the producer of views and shares. */
@Configuration(proxyBeanMethods = false)
class EngagementConfiguration {

    static final String DEVELOPMENT_SALT = "news-platform-development-reader-salt";
    private static final Logger log = LoggerFactory.getLogger(EngagementConfiguration.class);

    @Bean
    ReaderHasher readerHasher(ReaderProperties readers) {
        if (readers.hashSalt() == null || readers.hashSalt().isBlank()) {
            log.warn("news.readers.hash-salt is not set: reader hashes use the public DEVELOPMENT salt, so anyone can"
                    + " test guessed reader ids against news.article-views. Set NEWS_READER_HASH_SALT to a secret in"
                    + " every environment but a developer's machine.");
            return new ReaderHasher(DEVELOPMENT_SALT);
        }
        return new ReaderHasher(readers.hashSalt());
    }

    @Bean
    BotDetector botDetector(ReaderProperties readers) {
        return new BotDetector(readers.botPatterns());
    }

    @Bean
    EngagementEvents engagementEvents(KafkaProperties kafka, EngagementProperties engagement, EngagementTopics topics,
                                      MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.putAll(engagement.producer());
        return new EngagementEvents(config, topics, meters);
    }
}
