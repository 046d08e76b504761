package news.gateway.page;

import java.time.Clock;
import java.time.Duration;
import java.net.URI;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import news.gateway.GatewayProperties;
import news.gateway.edge.ReadLimits;
import news.gateway.readmodel.ArticleCatalog;
import news.gateway.readmodel.ArticleChanges;
import news.gateway.readmodel.ReadModelFeed;
import news.gateway.readmodel.Rankings;
import news.kit.Sections;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PageConfiguration {

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    UnknownArticles unknownArticles(GatewayProperties properties, ArticleCatalog catalog) {
        return new UnknownArticles(properties.pages().notFoundFor(), properties.pages().notFoundEntries(), catalog);
    }

    @Bean
    PageParts pageParts(WebClient.Builder web, GatewayProperties properties, CircuitBreakerRegistry breakers,
                        ArticleCatalog catalog, ArticleChanges changes, ReadModelFeed feed,
                        UnknownArticles unknown) {
        GatewayProperties.Services services = properties.services();
        ReactorClientHttpConnector connector = new ReactorClientHttpConnector(HttpClient.create(
                        ConnectionProvider.builder("page-parts").maxConnections(256)
                                .pendingAcquireTimeout(Duration.ofSeconds(1)).maxIdleTime(Duration.ofSeconds(30))
                                .build())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) services.connectTimeout().toMillis()));
        return new PageParts(client(web, connector, services.article()), client(web, connector, services.comment()),
                breakers.circuitBreaker("article-service"), breakers.circuitBreaker("comment-service"), catalog,
                changes, feed::caughtUp, unknown, properties.pages(), pageJson());
    }

    private static WebClient client(WebClient.Builder web, ReactorClientHttpConnector connector, URI base) {
        return web.clone().baseUrl(base.toString()).clientConnector(connector).build();
    }

    @Bean
    PageMetrics pageMetrics(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
        return new PageMetrics(meters, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    PageAssembler pageAssembler(PageParts parts, UnknownArticles unknown, ArticleCatalog catalog, Rankings rankings,
                                ReadModelFeed feed, Sections sections, GatewayProperties properties,
                                PageMetrics metrics) {
        return new PageAssembler(parts, unknown, catalog, rankings, feed::caughtUp, sections, properties.pages(), pageJson(),
                metrics, Clock.systemUTC());
    }

    @Bean
    PageCache pageCache(PageAssembler assembler, GatewayProperties properties) {
        return new PageCache(assembler, properties.pages(), properties.pages().cacheSize().toBytes());
    }

    @Bean
    PageEndpoint pageEndpoint(PageCache cache, UnknownArticles unknown, ReadLimits readLimits, PageMetrics metrics,
                              GatewayProperties properties) {
        return new PageEndpoint(cache, unknown, readLimits, metrics, properties.pages());
    }

    @Bean
    WebHttpHandlerBuilderCustomizer pageFastPath(PageEndpoint pages) {
        return builder -> builder.httpHandlerDecorator(handler -> new PageFastPath(handler, pages));
    }

    /** Page bytes and service answers: ISO-8601 instants, unknown fields of a service's answer ignored. */
    static JsonMapper pageJson() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
