package news.gateway.readmodel;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.MeterRegistry;
import news.gateway.GatewayProperties;

@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Bean
    ArticleCatalog articleCatalog() {
        return new ArticleCatalog();
    }

    @Bean
    Rankings rankings() {
        return new Rankings();
    }

    /**
     * The read models' consumer gets the same client settings as every Spring Kafka client of the platform
     * ({@code spring.kafka.properties.*}: security protocol, SASL, trust store in production; see docs/deploy.md).
     */
    @Bean
    ReadModelFeed readModelFeed(GatewayProperties properties, ArticleCatalog catalog, Rankings rankings,
                                ArticleChanges changes, MeterRegistry meters, Environment environment) {
        Map<String, String> clientProperties = Binder.get(environment)
                .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return new ReadModelFeed(properties.readModels(), clientProperties, catalog, rankings, changes, meters);
    }

    /** Changes younger than the pages' parts-fresh-for matter; far more articles than a day's news change within it. */
    @Bean
    ArticleChanges articleChanges(GatewayProperties properties) {
        Duration keepFor = properties.pages().partsFreshFor();
        return new ArticleChanges(keepFor.isNegative() ? Duration.ZERO : keepFor, 100_000);
    }

    @Bean
    ReadModelsHealthIndicator readModelsHealthIndicator(ReadModelFeed feed, ArticleCatalog catalog,
                                                        Rankings rankings) {
        return new ReadModelsHealthIndicator(feed, catalog, rankings);
    }
}
