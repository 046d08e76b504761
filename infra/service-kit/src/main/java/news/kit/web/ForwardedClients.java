package news.kit.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.google.common.net.InetAddresses;

/**
 * Who the client is, behind proxies: the one implementation of the gateway and the services. The peer of the
 * connection is the client unless it is a trusted proxy; then {@code X-Forwarded-For} is read from the right (every
 * line of it, in order: a proxy may add a line of its own rather than extend the last) and the first address that is
 * not a trusted proxy is the client. A client cannot choose its address by sending the header itself; when a hop is
 * not an address literal, or every hop is a trusted proxy, the peer is the client.
 *
 * <p>Addresses are parsed, never resolved: {@code abcd.cafe} is a host name, not an address, and is refused without a
 * DNS look-up (which would block the calling thread, on the gateway a Netty event loop); only the dotted-quad form is
 * an IPv4 address ({@code 127.1} is not loopback here, it is not an address at all).
 */
public final class ForwardedClients {

    /** What stands for a client whose peer address is unknown. */
    public static final String UNKNOWN = "unknown";

    private final List<Range> trusted;

    /**
     * @param trustedProxies address ranges ({@code 10.0.0.0/8}, {@code ::1/128}, or a bare address) of the proxies in
     *                       front; blank entries are ignored
     * @throws IllegalArgumentException naming the entry that is not an address range
     */
    public ForwardedClients(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().filter(s -> s != null && !s.isBlank()).map(Range::parse).toList();
    }

    /**
     * The client's address, as text.
     *
     * @param peer         the connection's peer address (a literal), or null when unknown
     * @param forwardedFor the {@code X-Forwarded-For} lines in the order received, possibly none
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        Optional<InetAddress> remote = literal(peer);
        if (remote.isEmpty()) {
            return peer == null || peer.isBlank() ? UNKNOWN : peer;
        }
        String client = InetAddresses.toAddrString(remote.get());
        if (forwardedFor == null || forwardedFor.isEmpty() || !trusted(remote.get())) {
            return client;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            Optional<InetAddress> address = literal(hop);
            if (address.isEmpty()) {
                return client; // not an address: nothing before it can be believed
            }
            if (!trusted(address.get())) {
                return InetAddresses.toAddrString(address.get());
            }
        }
        return client;
    }

    /**
     * The key under which a client's requests are counted by a rate limit: the address for IPv4, its /64 network for
     * IPv6, since one subscriber is routinely given a whole /64 and could otherwise take a fresh address per request.
     */
    public static String limitKey(String client) {
        Optional<InetAddress> address = literal(client);
        if (address.isEmpty() || !(address.get() instanceof Inet6Address)) {
            return client;
        }
        byte[] network = Arrays.copyOf(address.get().getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(network)) + "/64"; // bytes: nothing resolved
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The address when the text is an IP address literal (never a host name, never resolved), else empty. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return InetAddresses.isInetAddress(bare) ? Optional.of(InetAddresses.forString(bare)) : Optional.empty();
    }

    private boolean trusted(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : trusted) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a range of one. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String range) {
            String[] parts = range.trim().split("/", 2);
            InetAddress network = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "'" + range + "' is not an address range: give one like 10.0.0.0/8 or ::1/128"));
            byte[] bytes = network.getAddress();
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : bytes.length * 8;
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("'" + range + "' is not an address range: the prefix length must"
                        + " be 0 to " + bytes.length * 8);
            }
            return new Range(bytes, prefix);
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
}
