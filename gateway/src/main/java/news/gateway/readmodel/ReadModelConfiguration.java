package news.gateway.readmodel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean
    ReadModelFeed readModelFeed(GatewayProperties properties, ArticleCatalog catalog, Rankings rankings,
                                MeterRegistry meters) {
        return new ReadModelFeed(properties.readModels(), catalog, rankings, meters);
    }

    @Bean
    ReadModelsHealthIndicator readModelsHealthIndicator(ReadModelFeed feed, ArticleCatalog catalog,
                                                        Rankings rankings) {
        return new ReadModelsHealthIndicator(feed, catalog, rankings);
    }
}
