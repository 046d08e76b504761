package news.kit;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.util.unit.DataSize;

import io.micrometer.tracing.Tracer;
import news.kit.outbox.OutboxProperties;
import news.kit.security.RolesClaim;
import news.kit.security.TokenTrustCheck;
import news.kit.tracing.CurrentTrace;
import io.swagger.v3.oas.models.OpenAPI;
import news.kit.web.ApiDocs;
import news.kit.web.ClientAddresses;
import news.kit.web.ProblemDetailsAdvice;
import news.kit.web.RequestBodyLimitFilter;
import news.kit.web.StrictEncodingFilter;
import news.kit.warmup.WarmUp;
import news.kit.warmup.WarmUpRequests;
import news.kit.warmup.WarmUpSettings;

/** Wires the kit into a service: the token-trust check, problem details, the body-size limit, the current trace and the
 * warm-up before readiness. */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, KitAutoConfiguration.WebSettings.class,
        Sections.class, WarmUpSettings.class})
public class KitAutoConfiguration {

    /**
     * {@code news.web.*}, one record for the prefix.
     *
     * @param maxRequestBody the largest request body a service reads
     * @param trustedProxies CIDR ranges of the proxies in front of the service whose {@code X-Forwarded-For} is
     *                       believed ({@link ClientAddresses})
     */
    @ConfigurationProperties("news.web")
    public record WebSettings(@DefaultValue("1MB") DataSize maxRequestBody,
                              @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> trustedProxies) {
    }

    /** Each web service's own request paths, exercised before readiness says ready ({@link WarmUp}). */
    @Bean
    @ConditionalOnWebApplication
    WarmUp warmUp(ApplicationContext context, Environment environment, ObjectProvider<WarmUpRequests> requests,
                  WarmUpSettings settings) {
        return new WarmUp(context, environment, requests.orderedStream().toList(), settings);
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer) {
        return new CurrentTrace(tracer);
    }

    /**
     * Spring Security observes every request by default: an observation (a span and timers) around each filter of
     * its chain and around each authorization decision, which made up a fifth of a public read's CPU in a profile of
     * article-service and a tenth of a routed view's in the gateway (docs/benchmarks.md). The request itself is
     * observed once already ({@code http.server.requests} and its server span), and its status says whether access
     * was refused; token checks stay observed, as they happen only for requests that carry a token.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.config.observation.SecurityObservationSettings")
    static class SecurityObservations {

        @Bean
        @ConditionalOnMissingBean
        SecurityObservationSettings securityObservationSettings() {
            return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                    .shouldObserveAuthorizations(false).shouldObserveAuthentications(true).build();
        }
    }

    /** The common part of the OpenAPI document, for services with a springdoc starter. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    static class OpenApi {

        @Bean
        @ConditionalOnMissingBean
        OpenAPI newsOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
            BuildProperties properties = build.getIfAvailable();
            return ApiDocs.of(environment.getProperty("spring.application.name", "service"),
                    properties != null && properties.getVersion() != null ? properties.getVersion() : "unknown",
                    environment.getProperty("news.api.description", "A service of the news platform."));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        @ConditionalOnMissingBean
        ClientAddresses clientAddresses(WebSettings web) {
            return new ClientAddresses(web.trustedProxies());
        }

        @Bean
        @ConditionalOnMissingBean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebSettings limits) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration =
                    new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestBody().toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        FilterRegistrationBean<StrictEncodingFilter> strictEncodingFilter() {
            FilterRegistrationBean<StrictEncodingFilter> registration = new FilterRegistrationBean<>(new StrictEncodingFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }

    /**
     * Every service with a resource server: its token settings are checked before anything starts, and the roles
     * claim becomes its authorities (ahead of Boot's converter, see {@link RolesClaim}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter")
    @ConditionalOnWebApplication
    static class BearerTokens {

        @Bean
        static TokenTrustCheck tokenTrustCheck() {
            return new TokenTrustCheck();
        }

        static RolesClaim rolesClaim(Environment environment) {
            return new RolesClaim(environment.getProperty(RolesClaim.CLAIM_SETTING, "roles"));
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        static class ServletRoles {

            @Bean
            @ConditionalOnMissingBean
            JwtAuthenticationConverter jwtAuthenticationConverter(Environment environment) {
                JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
                converter.setJwtGrantedAuthoritiesConverter(rolesClaim(environment));
                return converter;
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        static class ReactiveRoles {

            @Bean
            @ConditionalOnMissingBean
            ReactiveJwtAuthenticationConverter reactiveJwtAuthenticationConverter(Environment environment) {
                ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
                converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(
                        rolesClaim(environment)));
                return converter;
            }
        }
    }
}
