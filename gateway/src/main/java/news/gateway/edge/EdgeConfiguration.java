package news.gateway.edge;

import java.util.List;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;

import news.gateway.GatewayProperties;
import news.gateway.signin.SignInProperties;
import news.kit.KitAutoConfiguration;
import reactor.netty.NettyPipeline;

@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    ClientAddress clientAddress(GatewayProperties properties) {
        return new ClientAddress(properties.trustedProxies());
    }

    @Bean
    CorrelationFilter correlationFilter() {
        return new CorrelationFilter();
    }

    @Bean
    StrictEncodingFilter strictEncodingFilter() {
        return new StrictEncodingFilter();
    }

    @Bean
    DownstreamHeaders downstreamHeaders(ClientAddress clientAddress) {
        return new DownstreamHeaders(clientAddress);
    }

    @Bean
    WriteLimits writeLimits(ClientAddress clientAddress, GatewayProperties properties, SignInProperties signIn,
                            KitAutoConfiguration.WebSettings limits) {
        return new WriteLimits(clientAddress, properties.rateLimit(), properties.accountLimit(), properties.instances(),
                signIn.sessionCookie(), limits.maxRequestBody().toBytes());
    }

    /** The account stage of {@link WriteLimits}, after Spring Security's filters. */
    @Bean
    WebFilter accountWriteLimits(WriteLimits writeLimits) {
        return writeLimits.accountStage();
    }

    @Bean
    ReadLimits readLimits(ClientAddress clientAddress, GatewayProperties properties) {
        return new ReadLimits(clientAddress, properties.readLimit());
    }

    @Bean
    WholeBodies wholeBodies() {
        return new WholeBodies();
    }

    /** Every client connection closes with a linger, so an early refusal reaches a client still sending. */
    @Bean
    NettyServerCustomizer lingeringClose() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) ->
                channel.pipeline().addFirst("news.lingeringClose", new LingeringClose()));
    }

    /** Reactor Netty's own 414 and 431 get a problem-details body, right after the HTTP codec that writes them. */
    @Bean
    NettyServerCustomizer decoderRefusals(NettyServerProperties netty, ServerProperties server) {
        DecoderRefusals refusals = new DecoderRefusals(netty.getMaxInitialLineLength(),
                server.getMaxHttpRequestHeaderSize());
        return httpServer -> httpServer.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "news.decoderRefusals", refusals);
            }
        });
    }

    @Bean
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }

    /** CORS for the frontends in {@code news.gateway.cors.allowed-origins}; none configured, none allowed. */
    @Bean
    OrderedCorsFilter corsWebFilter(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH,
                Correlation.REQUEST_ID, Correlation.TRACEPARENT, "tracestate"));
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                Correlation.REQUEST_ID));
        cors.setMaxAge(properties.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new OrderedCorsFilter(source);
    }

    /** Before the write limits and the token check, so that a preflight is answered at once. */
    static class OrderedCorsFilter extends CorsWebFilter implements Ordered {

        OrderedCorsFilter(UrlBasedCorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }
    }
}
