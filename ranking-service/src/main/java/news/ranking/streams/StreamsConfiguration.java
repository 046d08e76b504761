package news.ranking.streams;

import java.util.function.Function;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.CleanupConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import news.kit.Sections;
import news.ranking.RankingProperties;
import news.ranking.RankingTopics;
import news.ranking.topology.RankingMetrics;
import news.ranking.topology.RankingTopology;
import news.ranking.topology.RecordTracing;

/**
 * Hands the topology to the Spring Cloud Stream Kafka Streams binder as the function {@code rankings} (inputs and
 * output bound in {@code application.yml}) and tunes the Kafka Streams client the binder creates: readiness from its
 * state, a leave-group on shutdown so the other instances take over at once, a replaced thread instead of a dead
 * client after an unexpected error, and local state kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

    @Bean
    RankingMetrics rankingMetrics(MeterRegistry registry) {
        return new RankingMetrics(registry);
    }

    @Bean
    RecordTracing recordTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer current = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return current == null || propagation == null ? RecordTracing.OFF : new RecordTracing(current, propagation);
    }

    @Bean
    RankingTopology rankingTopology(RankingProperties properties, RankingTopics topics, Sections sections,
                                    RankingMetrics metrics, RecordTracing tracing) {
        return new RankingTopology(properties, topics, sections, metrics, tracing);
    }

    @Bean
    Function<KStream<byte[], byte[]>, KStream<String, byte[]>> rankings(RankingTopology topology) {
        return topology::build;
    }

    @Bean("rankingStreams")
    StreamsState rankingStreamsState(ApplicationEventPublisher events) {
        return new StreamsState(events);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer rankingStreamsConfigurer(StreamsState state) {
        return factory -> {
            factory.setStateListener(state);
            factory.setLeaveGroupOnClose(true);
            factory.setKafkaStreamsCustomizer(streams -> streams.setUncaughtExceptionHandler(e -> {
                log.error("A stream thread failed; replacing it (its tasks restart from their last commit)", e);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }));
        };
    }

    @Bean
    CleanupConfig rankingStateCleanup() {
        return new CleanupConfig(false, false);
    }
}
