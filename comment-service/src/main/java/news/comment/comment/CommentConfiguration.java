package news.comment.comment;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ProducerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import news.kit.outbox.OutboxProperties;
import news.kit.outbox.OutboxRelay;

@Configuration(proxyBeanMethods = false)
class CommentConfiguration {

    @Bean
    CommentTextPolicy commentTextPolicy(CommentProperties properties) {
        return new CommentTextPolicy(BlockedWords.of(properties.blockedWords()));
    }

    @Bean
    DisplayNamePolicy displayNamePolicy(CommentProperties properties) {
        return new DisplayNamePolicy(properties.siteName());
    }

    @Bean
    RecentReads recentReads(CommentProperties properties) {
        return new RecentReads(properties.readCacheTtl(), 10_000);
    }

    /** Publishes the outbox of {@code comments} to {@code news.comment-events}. */
    @Bean
    OutboxRelay commentOutboxRelay(MongoTemplate mongo, ProducerFactory<?, ?> kafka,
                                   CommentTopics topics, OutboxProperties outbox, MeterRegistry meters) {
        return new OutboxRelay(mongo, OutboxRelay.producers(kafka, "outbox-relay-" + CommentDocument.COLLECTION),
                CommentDocument.COLLECTION, topics.commentEvents(), outbox, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
