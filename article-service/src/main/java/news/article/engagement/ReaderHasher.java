package news.article.engagement;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import news.kit.web.ForwardedClients;

/**
 * The {@code readerHash} of views and shares: a keyed HMAC-SHA256, never a plain digest, so nobody without the key
 * can test guesses (every IPv4 address times the common User-Agents, a reader's account id) against the topics. The key
 * rotates: each period of {@code rotation} (aligned to the epoch, so a one-day rotation starts at 00:00 UTC) hashes
 * with its own key, derived from the configured one, and a reader's hashes of two periods cannot be linked:
 * <pre>
 * periodKey  = HMAC-SHA256(key, "readerHash " + periodStart)        periodStart e.g. 2026-12-01T00:00:00Z
 * readerHash = HMAC-SHA256(periodKey, "reader" 0x00 subject)          a signed-in reader: the token's subject
 *            | HMAC-SHA256(periodKey, "client" 0x00 network 0x00 userAgent)
 * </pre>
 * A reader who is not signed in is known by the network of the address (IPv4 /24, IPv6 /48, written
 * {@code 203.0.113.0/24}, {@code 2001:db8:1::/48}) and the User-Agent: the full address never enters a hash.
 */
final class ReaderHasher {

    /** The key of development runs ({@code news.security.development}): public, so hashes made with it are not private. */
    static final String DEVELOPMENT_KEY = "news-platform-development-reader-hash-key";
    static final int MIN_KEY_LENGTH = 32;
    static final Duration MIN_ROTATION = Duration.ofHours(1);

    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] key;
    private final long periodMillis;
    private final Clock clock;
    private final ThreadLocal<PeriodMac> macs = new ThreadLocal<>();

    ReaderHasher(String key, Duration rotation, Clock clock) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("The reader hash key must have at least " + MIN_KEY_LENGTH + " characters");
        }
        if (rotation == null || rotation.compareTo(MIN_ROTATION) < 0) {
            throw new IllegalArgumentException("The reader hash key must rotate at most every " + MIN_ROTATION);
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.periodMillis = rotation.toMillis();
        this.clock = clock;
    }

    /** A signed-in reader, by the subject of their verified token. */
    String ofReader(String subject) {
        return hash("reader\0" + subject);
    }

    String ofClient(String address, String userAgent) {
        return hash("client\0" + network(address) + '\0' + (userAgent == null ? "" : userAgent));
    }

    /** The start of the key period that {@code instant} falls in. */
    Instant periodStart(Instant instant) {
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), periodMillis) * periodMillis);
    }

    /**
     * The network an address is counted under: {@code a.b.c.0/24} for IPv4 (an IPv4-mapped IPv6 address included),
     * the first 48 bits as {@code x:y:z::/48} for IPv6. Anything that is not an address literal is returned as given
     * (it is hashed, never looked up).
     */
    static String network(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address == null ? "" : address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + ".0/24";
        }
        return Integer.toHexString(group(bytes, 0)) + ":" + Integer.toHexString(group(bytes, 2)) + ":"
                + Integer.toHexString(group(bytes, 4)) + "::/48";
    }

    private static int group(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }

    /** The bytes of an IPv4 or IPv6 literal, or null; never a name look-up. */
    private static byte[] literal(String address) {
        return ForwardedClients.literal(address).map(InetAddress::getAddress).orElse(null);
    }

    private String hash(String text) {
        long period = Math.floorDiv(clock.millis(), periodMillis);
        PeriodMac current = macs.get();
        if (current == null || current.period() != period) {
            current = new PeriodMac(period, mac(periodKey(period)));
            macs.set(current);
        }
        return HEX.formatHex(current.mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] periodKey(long period) {
        String start = Instant.ofEpochMilli(period * periodMillis).toString();
        return mac(key).doFinal(("readerHash " + start).getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }

    private record PeriodMac(long period, Mac mac) {
    }
}
