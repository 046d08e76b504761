package news.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class KitDefaultsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            spring.security.oauth2.resourceserver.jwt.audiences | news-platform
            management.endpoint.health.probes.enabled           | true
            management.tracing.sampling.probability             | 0.1
            management.tracing.propagation.type                 | W3C
            spring.kafka.listener.observation-enabled           | true
            spring.cloud.stream.kafka.binder.enable-observation | true
            """)
    void theKitSetsTheDefault(String setting, String value) {
        assertThat(startedWith(Map.of()).getProperty(setting)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} sets {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI | https://id.example.com | spring.security.oauth2.resourceserver.jwt.issuer-uri
            KAFKA_BOOTSTRAP_SERVERS                              | kafka-1:9092,kafka-2:9092 | spring.kafka.bootstrap-servers
            KAFKA_BOOTSTRAP_SERVERS                              | kafka-1:9092,kafka-2:9092 | spring.cloud.stream.kafka.binder.brokers
            NEWS_TRACING_SAMPLING                                | 1.0                    | management.tracing.sampling.probability
            """)
    void aDocumentedEnvironmentVariableReachesItsSetting(String variable, String value, String setting) {
        assertThat(startedWith(Map.of(variable, value)).getProperty(setting)).isEqualTo(value);
    }

    @Test
    void theServiceCanOverrideEverything() {
        StandardEnvironment environment = startedWith(Map.of(
                "spring.security.oauth2.resourceserver.jwt.audiences", "another-audience", "server.port", "8081"));

        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences"))
                .isEqualTo("another-audience");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
    }

    @Test
    void settingsBootActsOnAsSoonAsTheyExistAreLeftUnsetAndNothingIsExported() {
        StandardEnvironment defaults = startedWith(Map.of());

        assertThat(defaults.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .as("Boot builds a key-set decoder as soon as the property exists, even blank").isFalse();
        assertThat(defaults.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .as("Boot creates the OTLP exporter as soon as the property exists, even blank").isFalse();
        assertThat(defaults.containsProperty("spring.kafka.template.observation-enabled"))
                .as("the template is the outbox relay's: its records keep the stored traceparent").isFalse();
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
