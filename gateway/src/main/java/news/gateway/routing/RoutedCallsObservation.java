package news.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routed calls are observed by Spring Cloud Gateway: a client span per call, whose {@code traceparent} the service
 * receives, and a timer. Spring Cloud Gateway 5.0.4 names that timer {@code http.client.requests}, the name of the
 * page parts' WebClient timer too, with other tags: Prometheus then refuses whichever registers second and one of
 * the two goes missing. Routed calls are timed as {@value #NAME} instead (what later Spring Cloud Gateway
 * versions do, gh-3153): {@code spring_cloud_gateway_http_client_requests_seconds{spring_cloud_gateway_route_id}}.
 */
@Configuration(proxyBeanMethods = false)
class RoutedCallsObservation {

    static final String NAME = "spring.cloud.gateway.http.client.requests";

    @Bean
    DefaultGatewayObservationConvention routedCallsConvention() {
        return new DefaultGatewayObservationConvention() {
            @Override
            public String getName() {
                return NAME;
            }
        };
    }
}
