package news.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class KitDefaultsTest {

    @Test
    void theDocumentedEnvironmentVariablesReachTheSettingsAndTheServiceCanOverrideEverything() {
        StandardEnvironment environment = startedWith(Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "https://login.example.com/realms/news",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "server.port", "8081"));

        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("https://login.example.com/realms/news");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences")).isEqualTo("news-platform");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .as("Boot builds a key-set decoder as soon as the property exists, even blank").isFalse();
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
    }

    @Test
    void tracingSamplesATenthByDefaultExportsNothingUntilAnEndpointIsSetAndTheSamplingIsAnEnvironmentVariable() {
        StandardEnvironment defaults = startedWith(Map.of());
        StandardEnvironment sampled = startedWith(Map.of("NEWS_TRACING_SAMPLING", "1.0"));

        assertThat(defaults.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
        assertThat(sampled.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
        assertThat(defaults.getProperty("management.tracing.propagation.type")).isEqualTo("W3C");
        assertThat(defaults.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .as("Boot creates the OTLP exporter as soon as the property exists, even blank").isFalse();
        assertThat(defaults.containsProperty("spring.kafka.template.observation-enabled"))
                .as("the template is the outbox relay's: its records keep the stored traceparent").isFalse();
        assertThat(defaults.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
        assertThat(defaults.getProperty("spring.cloud.stream.kafka.binder.enable-observation")).isEqualTo("true");
    }

    @Test
    void onlyADevelopmentRunWithoutAnIssuerTrustsTheLocalProvider() {
        StandardEnvironment production = startedWith(Map.of());
        StandardEnvironment development = startedWith(Map.of(
                "NEWS_SECURITY_DEVELOPMENT", "true", "IDENTITY_PORT", "9100"));
        StandardEnvironment developmentWithIssuer = startedWith(Map.of(
                "NEWS_SECURITY_DEVELOPMENT", "true",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "https://id.example.com"));

        assertThat(production.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")).isNull();
        assertThat(development.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("http://localhost:9100");
        assertThat(developmentWithIssuer.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("https://id.example.com");
    }

    /** The environment a service starts with when the process environment holds {@code variables}. */
    private static StandardEnvironment startedWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", variables));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
