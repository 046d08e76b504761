package news.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the {@linkplain TestIssuer#shared() shared test issuer}, as a deployment points
 * its services at its identity provider, and offers its address as {@code news.test.issuer} for tests that configure
 * trust another way. Ranks below the test's own properties and system properties, above {@code application.yml}.
 */
class TestIssuerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String issuer = TestIssuer.shared().issuer();
            MapPropertySource source = new MapPropertySource("newsTestIssuer", Map.of(
                    "news.test.issuer", issuer,
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addLast(source);
            }
        }
    }
}
