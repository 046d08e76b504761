package news.kit.web;

import java.util.Collections;
import java.util.List;

/**
 * The address of the client behind the gateway ({@link ForwardedClients}): {@code X-Forwarded-For} is believed only
 * when the request comes from a trusted proxy (the gateway), and then the right-most address that is not itself a
 * trusted proxy is the client. The servlet container is told not to interpret forwarded headers at all
 * ({@code server.forward-headers-strategy: none} in every service), so the peer seen here is the connection's.
 */
public final class ClientAddresses {

    private final ForwardedClients clients;

    /**
     * @param trustedProxies CIDR ranges of the proxies in front of the service ({@code news.web.trusted-proxies}); a
     *                       range that is not one fails the start, naming it
     */
    public ClientAddresses(List<String> trustedProxies) {
        try {
            this.clients = new ForwardedClients(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("news.web.trusted-proxies (NEWS_WEB_TRUSTEDPROXIES): " + e.getMessage(), e);
        }
    }

    public String clientOf(String remoteAddress, List<String> forwardedFor) {
        return clients.clientOf(remoteAddress, forwardedFor);
    }

    public String clientOf(jakarta.servlet.http.HttpServletRequest request) {
        return clientOf(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }
}
