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
 * What every Spring test context gets: the {@linkplain TestIssuer#shared() shared test issuer}, as a deployment points
 * its services at its identity provider (its address also as {@code news.test.issuer}, for tests that configure trust
 * another way), and no warm-up before readiness ({@code news.warm-up.enabled=false}: a test's service answers its first
 * requests interpreted, which costs milliseconds, while each context's warm-up would cost the suite seconds; the
 * warm-up's own tests turn it on). Ranks below the test's own properties and system properties, above
 * {@code application.yml}.
 */
class TestDefaultsContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String issuer = TestIssuer.shared().issuer();
            MapPropertySource source = new MapPropertySource("newsTestDefaults", Map.of(
                    "news.test.issuer", issuer,
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                    "news.warm-up.enabled", "false"));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
            } else {
                sources.addLast(source);
            }
        }
    }
}
