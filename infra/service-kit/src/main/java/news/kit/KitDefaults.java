package news.kit;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import news.kit.security.TokenTrust;

/**
 * Adds {@code news-kit-defaults.yml} as the lowest-ranking property source of every service: the settings all four
 * share (actuator exposure, probes, Kafka producer safety, connection placeholders, the tokens' audience and roles
 * claim), written once. A service's own {@code application.yml}, environment variables and command-line arguments
 * all override them. In a development run without an issuer, the local provider's issuer is added last
 * ({@link TokenTrust#developmentDefaults}).
 */
public class KitDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "news-kit-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load("newsKitDefaults",
                    new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
            TokenTrust.developmentDefaults(environment).ifPresent(defaults -> environment.getPropertySources()
                    .addLast(new MapPropertySource("newsDevelopmentIdentity", defaults)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
