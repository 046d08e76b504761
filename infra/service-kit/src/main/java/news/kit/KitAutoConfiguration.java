package news.kit;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.unit.DataSize;

import io.micrometer.tracing.Tracer;
import news.kit.outbox.OutboxProperties;
import news.kit.security.NewsJwt;
import news.kit.security.NewsJwtProperties;
import news.kit.tracing.CurrentTrace;
import io.swagger.v3.oas.models.OpenAPI;
import news.kit.web.ApiDocs;
import news.kit.web.ClientAddresses;
import news.kit.web.ProblemDetailsAdvice;
import news.kit.web.RequestBodyLimitFilter;

/** Wires the kit into a service: token decoding, problem details, the body-size limit and the current trace. */
@AutoConfiguration
@EnableConfigurationProperties({NewsJwtProperties.class, OutboxProperties.class, KitAutoConfiguration.WebLimits.class,
        Sections.class})
public class KitAutoConfiguration {

    /** @param maxRequestBody the largest request body a service reads ({@code news.web.max-request-body}) */
    @ConfigurationProperties("news.web")
    public record WebLimits(@DefaultValue("1MB") DataSize maxRequestBody) {
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer) {
        return new CurrentTrace(tracer);
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
    @EnableConfigurationProperties(ClientAddresses.class)
    static class Servlet {

        @Bean
        @ConditionalOnMissingBean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebLimits limits) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration =
                    new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestBody().toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JwtDecoder.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletJwt {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder jwtDecoder(NewsJwtProperties properties) {
            return NewsJwt.decoder(properties);
        }

        @Bean
        @ConditionalOnMissingBean
        JwtAuthenticationConverter jwtAuthenticationConverter(NewsJwtProperties properties) {
            return NewsJwt.authenticationConverter(properties);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveJwtDecoder.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ReactiveJwt {

        @Bean
        @ConditionalOnMissingBean
        ReactiveJwtDecoder reactiveJwtDecoder(NewsJwtProperties properties) {
            return NewsJwt.reactiveDecoder(properties);
        }
    }
}
