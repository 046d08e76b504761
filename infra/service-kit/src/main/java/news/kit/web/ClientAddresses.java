package news.kit.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client behind the gateway. {@code X-Forwarded-For} is believed only when the request comes
 * from a trusted proxy (the gateway), and then the right-most address that is not itself a trusted proxy is the
 * client: a client cannot choose its own address by sending the header.
 *
 * @param trustedProxies CIDR ranges of the proxies in front of the service ({@code news.web.trusted-proxies})
 */
public record ClientAddresses(List<String> trustedProxies) {

    public String clientOf(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trusted(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted(hop)) {
                return validAddress(hop) ? hop : remoteAddress;
            }
        }
        return remoteAddress;
    }

    public String clientOf(jakarta.servlet.http.HttpServletRequest request) {
        return clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    private boolean trusted(String address) {
        if (!validAddress(address)) {
            return false;
        }
        return trustedProxies.stream().anyMatch(range -> new IpAddressMatcher(range).matches(address));
    }

    private static boolean validAddress(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(address); // literal only: the pattern above admits no host names
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
