package news.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import news.kit.web.ForwardedClients;

/**
 * The address of the client: the peer of the connection, unless that peer is one of the configured proxies in
 * front of the gateway ({@code news.gateway.trusted-proxies}); then the right-most {@code X-Forwarded-For} entry
 * that is not a trusted proxy, read over every line of the header ({@link ForwardedClients}, the services' rule too).
 * A client cannot choose its address by sending the header itself. Reactor Netty is told not to interpret forwarded
 * headers ({@code server.forward-headers-strategy: none}), so the peer is always the connection's, in Kubernetes too.
 */
public class ClientAddress {

    private static final String ATTRIBUTE = ClientAddress.class.getName();

    private final ForwardedClients clients;

    public ClientAddress(List<String> trustedProxies) {
        try {
            this.clients = new ForwardedClients(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("news.gateway.trusted-proxies (NEWS_TRUSTED_PROXIES): "
                    + e.getMessage(), e);
        }
    }

    /** The client of this exchange, worked out once and kept with it (the limits and the routed call ask). */
    public String of(ServerWebExchange exchange) {
        return (String) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, key -> of(exchange.getRequest()));
    }

    /** The client of a request answered without an exchange (the page fast path). */
    public String of(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        String remote = peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
        List<String> forwardedFor = request.getHeaders().get("X-Forwarded-For");
        return clients.clientOf(remote, forwardedFor == null ? List.of() : forwardedFor);
    }

    String of(String remote, String forwardedFor) {
        return clients.clientOf(remote, forwardedFor == null ? List.of() : List.of(forwardedFor));
    }
}
