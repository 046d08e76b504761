package news.article.engagement;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import news.article.article.PublishedArticles;
import tools.jackson.databind.json.JsonMapper;

/** Wires the engagement feature: bot detection and the producer of views and shares (reader hashing: {@link ReaderHashing}). */
@Configuration(proxyBeanMethods = false)
class EngagementConfiguration {

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

    /**
     * First of all servlet filters: a plain view is answered before the security chain and the observation.
     * {@code news.engagement.fast-path: false} sends every view down the full path (for comparison, or if in doubt).
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "news.engagement.fast-path", matchIfMissing = true)
    FilterRegistrationBean<ViewFastPath> viewFastPath(PublishedArticles articles, EngagementIntake intake,
                                                      JsonMapper json, ObjectProvider<Tracer> tracer,
                                                      ObjectProvider<Propagator> propagator, MeterRegistry meters) {
        Tracer tracing = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        FilterRegistrationBean<ViewFastPath> registration = new FilterRegistrationBean<>(new ViewFastPath(articles,
                intake, json, tracing != null && propagation != null ? tracing : null, propagation, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/articles/*");
        return registration;
    }
}
