package news.gateway.signin;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A redirect that a script can follow: a request that accepts JSON gets {@code 200 {"location": ...}} (the page then
 * navigates, which its Content-Security-Policy allows where a form post to another origin would not), any other a 302.
 */
final class LocationForScripts implements ServerRedirectStrategy {

    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        if (!exchange.getRequest().getHeaders().getAccept().contains(MediaType.APPLICATION_JSON)) {
            return redirects.sendRedirect(exchange, location);
        }
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        String json = "{\"location\":\"" + location.toASCIIString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory()
                .wrap(json.getBytes(StandardCharsets.UTF_8))));
    }
}
