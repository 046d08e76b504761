package news.article.engagement;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The producer of views and shares ({@code news.engagement.*}).
 *
 * @param producer Kafka producer settings that override {@code spring.kafka.producer.*} for views and shares only,
 *                 e.g. {@code max.block.ms}: how long a request may wait for the producer when Kafka is away
 */
@ConfigurationProperties("news.engagement")
record EngagementProperties(Map<String, String> producer) {

    EngagementProperties {
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }
}
