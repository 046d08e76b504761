package news.article.article;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import news.kit.outbox.OutboxProperties;
import news.kit.outbox.OutboxRelay;

/** The relay that moves the events in the articles' outboxes to {@code news.article-events}, in version order. */
@Configuration(proxyBeanMethods = false)
class ArticleOutboxConfiguration {

    @Bean
    OutboxRelay articleOutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, ArticleTopics topics,
                                   OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(mongo, kafka, ArticleDocument.COLLECTION, topics.articleEvents(), properties, meters);
    }
}
