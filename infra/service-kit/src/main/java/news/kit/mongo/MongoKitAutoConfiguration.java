package news.kit.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoClient;

/** The kit's MongoDB settings: fail-fast timeouts and a health check both store kinds understand. */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
// the driver's core, not its synchronous client: the gateway's reactive client needs the same timeouts (without them
// its session look-ups would wait the driver's default 30 s for a store that is away)
@ConditionalOnClass(name = {"com.mongodb.MongoClientSettings",
        "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer"})
@EnableConfigurationProperties(MongoKitAutoConfiguration.MongoTimeouts.class)
public class MongoKitAutoConfiguration {

    /**
     * @param serverSelection how long an operation waits for a reachable store before failing
     * @param connect         TCP connect timeout
     * @param read            how long to wait for a reply on an open connection
     */
    @ConfigurationProperties("news.mongo.timeouts")
    public record MongoTimeouts(@DefaultValue("3s") Duration serverSelection, @DefaultValue("2s") Duration connect,
                                @DefaultValue("10s") Duration read) {
    }

    @Bean
    MongoClientSettingsBuilderCustomizer newsMongoTimeouts(MongoTimeouts timeouts) {
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s
                        .connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeouts.read().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Store failures answer 503 with Retry-After (after the selection timeout a new attempt may find a store). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.dao.DataAccessResourceFailureException")
    static class Web {

        @Bean
        @ConditionalOnMissingBean
        StoreUnavailableAdvice storeUnavailableAdvice(MongoTimeouts timeouts) {
            return new StoreUnavailableAdvice(timeouts);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.health.contributor.HealthIndicator",
            "com.mongodb.client.MongoClient"})
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = {"mongoHealthIndicator", "mongoHealthContributor"})
        MongoPingHealthIndicator mongoHealthIndicator(MongoClient client, Environment environment) {
            return new MongoPingHealthIndicator(client, environment.getProperty("spring.mongodb.database", "admin"));
        }
    }
}
