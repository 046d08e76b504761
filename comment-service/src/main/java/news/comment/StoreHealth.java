package news.comment;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code mongo} health indicator (part of readiness) as a {@code ping} of the service's own database. Boot's
 * default runs {@code hello} on every database, which the embedded store of the local runtime and tests
 * (mongo-java-server) does not know, so readiness would fail as soon as any database holds data.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                mongo.getDb().runCommand(new Document("ping", 1));
                builder.up().withDetail("database", mongo.getDb().getName());
            }
        };
    }
}
