package news.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Turns {@link UseNewsInfrastructure} into connection properties. They rank below the test's own properties and
 * system properties, above {@code application.yml}.
 */
class NewsInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(UseNewsInfrastructure.class)
                .synthesize(a -> a.isPresent())
                .map(a -> new Customizer(a.value().resolve()))
                .orElse(null);
    }

    private record Customizer(InfrastructureMode mode) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String kafka = TestInfrastructure.kafkaBootstrapServers(mode);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.kafka.bootstrap-servers", kafka);
            properties.put("spring.cloud.stream.kafka.binder.brokers", kafka);
            properties.put("spring.cloud.stream.kafka.streams.binder.brokers", kafka);
            properties.put("spring.mongodb.uri", TestInfrastructure.mongoUri(mode));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource source = new MapPropertySource("newsTestInfrastructure", properties);
            if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addLast(source);
            }
        }
    }
}
