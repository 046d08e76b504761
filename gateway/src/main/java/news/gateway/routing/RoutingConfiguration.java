package news.gateway.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import news.gateway.GatewayProperties;
import news.gateway.edge.ClientAddress;
import news.gateway.edge.ReadLimits;
import news.gateway.edge.WriteLimits;
import news.gateway.signin.SignInProperties;
import reactor.netty.http.client.HttpClient;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    /** Spring Cloud Gateway's client (its pool, connect timeout and response timeout) for the anonymous router too. */
    @Bean
    WebHttpHandlerBuilderCustomizer anonymousRouter(GatewayProperties properties, HttpClient gatewayHttpClient,
                                                    HttpClientProperties httpClient, ClientAddress clientAddress,
                                                    ReadLimits reads, WriteLimits writes, SignInProperties signIn,
                                                    ObjectProvider<Tracer> tracer,
                                                    ObjectProvider<Propagator> propagator, MeterRegistry meters) {
        return builder -> builder.httpHandlerDecorator(handler -> new AnonymousRouter(handler,
                properties.services().article().toString(), gatewayHttpClient, httpClient.getResponseTimeout(),
                clientAddress, reads, writes, signIn.sessionCookie(),
                tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP), meters));
    }
}
