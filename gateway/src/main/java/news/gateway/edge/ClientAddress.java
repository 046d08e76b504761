package news.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address of the client: the peer of the connection, unless that peer is one of the configured proxies in
 * front of the gateway ({@code news.gateway.trusted-proxies}); then the right-most {@code X-Forwarded-For} entry
 * that is not a trusted proxy. A client cannot choose its address by sending the header itself.
 */
public class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Cidr> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    public String of(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        String remote = peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
        return of(remote, exchange.getRequest().getHeaders().getFirst("X-Forwarded-For"));
    }

    String of(String remote, String forwardedFor) {
        if (trustedProxies.isEmpty() || forwardedFor == null || !trusted(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted(hop)) {
                return literal(hop) ? hop : remote;
            }
        }
        return remote;
    }

    private boolean trusted(String address) {
        if (!literal(address)) {
            return false;
        }
        byte[] bytes = bytes(address);
        return trustedProxies.stream().anyMatch(range -> range.contains(bytes));
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal + " is not an IP address", e);
        }
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a range of one. */
    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String range) {
            String[] parts = range.trim().split("/", 2);
            if (!literal(parts[0])) {
                throw new IllegalArgumentException("news.gateway.trusted-proxies: " + range + " is not an address range");
            }
            byte[] network = bytes(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            return new Cidr(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static boolean literal(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(address); // a literal only: the pattern admits no host names
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
