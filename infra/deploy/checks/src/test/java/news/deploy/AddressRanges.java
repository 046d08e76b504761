package news.deploy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * A comma-separated list of CIDR ranges as the gateway and the services read it ({@code 10.0.0.0/8,::1/128}), for
 * the checks of their trusted-proxies settings. Each entry must be an address literal with an optional prefix; a
 * host name or a malformed range stops the service at start, so the checks refuse it first.
 */
record AddressRanges(List<Range> ranges) {

    /** Public resolvers: a trusted range that holds one of them trusts the internet, and any client picks its address. */
    private static final List<String> PUBLIC = List.of("8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "2606:4700:4700::1111");

    static AddressRanges parse(String text) {
        return new AddressRanges(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Range::parse).toList());
    }

    /** True when some range holds more than loopback: the peers of a pod or a container are not on loopback. */
    boolean beyondLoopback() {
        return ranges.stream().anyMatch(r -> !r.address().isLoopbackAddress());
    }

    /** True when some range holds a public address. */
    boolean trustsThePublicInternet() {
        return PUBLIC.stream().map(Range::address).anyMatch(a -> ranges.stream().anyMatch(r -> r.contains(a)));
    }

    record Range(InetAddress address, int prefix) {

        static Range parse(String range) {
            String[] parts = range.split("/", 2);
            InetAddress address = address(parts[0]);
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(range + ": prefix out of 0.." + bits);
            }
            return new Range(address, prefix);
        }

        boolean contains(InetAddress other) {
            byte[] a = address.getAddress();
            byte[] b = other.getAddress();
            if (a.length != b.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static InetAddress address(String literal) {
            if (!literal.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException(literal + " is not an address literal");
            }
            try {
                return InetAddress.getByName(literal);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal + " is not an address literal", e);
            }
        }
    }
}
