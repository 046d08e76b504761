package news.article.article;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ProducerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import news.kit.outbox.OutboxProperties;
import news.kit.outbox.OutboxRelay;

/** The relay that moves the events in the articles' outboxes to {@code news.article-events}, in version order. */
@Configuration(proxyBeanMethods = false)
class ArticleOutboxConfiguration {

    @Bean
    OutboxRelay articleOutboxRelay(MongoTemplate mongo, ProducerFactory<?, ?> kafka, ArticleTopics topics,
                                   OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(mongo, OutboxRelay.producers(kafka, "outbox-relay-" + ArticleDocument.COLLECTION),
                ArticleDocument.COLLECTION, topics.articleEvents(), properties, meters);
    }
}
