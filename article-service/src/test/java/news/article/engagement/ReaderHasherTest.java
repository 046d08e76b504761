package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReaderHasherTest {

    static final String KEY = "a-secret-key-of-at-least-32-characters";
    static final Instant NOON = Instant.parse("2026-12-01T12:00:00Z");

    final MutableClock clock = new MutableClock(NOON);
    final ReaderHasher hasher = new ReaderHasher(KEY, Duration.ofDays(1), clock);

    @Test
    void aReaderHashIsTheHmacOfTheDaysKeyDerivedFromTheSecretNeverAPlainDigest() throws Exception {
        byte[] dayKey = hmac(KEY.getBytes(StandardCharsets.UTF_8), "readerHash 2026-12-01T00:00:00Z");

        assertThat(hasher.ofReader("reader-42")).isEqualTo(HexFormat.of().formatHex(hmac(dayKey, "reader\u0000reader-42")));
        assertThat(hasher.ofClient("203.0.113.7", "Browser/1"))
                .isEqualTo(HexFormat.of().formatHex(hmac(dayKey, "client\u0000203.0.113.0/24\u0000Browser/1")));
    }

    @Test
    void aReaderKeepsOneHashWithinAKeyPeriodAndGetsAnUnrelatedOneInTheNext() {
        String morning = hasher.ofReader("reader-42");
        clock.set(Instant.parse("2026-12-01T23:59:59.999Z"));
        assertThat(hasher.ofReader("reader-42")).isEqualTo(morning);

        clock.set(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(hasher.ofReader("reader-42")).matches("[0-9a-f]{64}").isNotEqualTo(morning);
        assertThat(hasher.ofClient("203.0.113.7", "A")).isNotEqualTo(new ReaderHasher(KEY, Duration.ofDays(1),
                new MutableClock(NOON)).ofClient("203.0.113.7", "A"));
    }

    @Test
    void theRotationIsConfigurableAndAlignedToTheEpoch() {
        ReaderHasher hourly = new ReaderHasher(KEY, Duration.ofHours(1), clock);
        String at1200 = hourly.ofReader("r");
        clock.set(Instant.parse("2026-12-01T12:59:59Z"));
        assertThat(hourly.ofReader("r")).isEqualTo(at1200);
        clock.set(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(hourly.ofReader("r")).isNotEqualTo(at1200);
        assertThat(hourly.periodStart(Instant.parse("2026-12-01T13:42:00Z"))).isEqualTo("2026-12-01T13:00:00Z");
        assertThat(hasher.periodStart(Instant.parse("2026-12-01T13:42:00Z"))).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void theHashDependsOnTheKeyAndNeverContainsTheId() {
        String hash = hasher.ofReader("reader-42");
        assertThat(hash).matches("[0-9a-f]{64}").isNotEqualTo(hasher.ofReader("reader-43"))
                .isNotEqualTo(new ReaderHasher(KEY + "x", Duration.ofDays(1), clock).ofReader("reader-42"))
                .doesNotContain("reader-42");
    }

    @Test
    void readerIdsAndClientAddressesCannotCollide() {
        assertThat(hasher.ofReader("127.0.0.0/24")).isNotEqualTo(hasher.ofClient("127.0.0.1", ""));
        assertThat(hasher.ofClient("10.0.0.1", "A")).isNotEqualTo(hasher.ofClient("10.0.0.1", "B"))
                .isNotEqualTo(hasher.ofClient("10.0.1.1", "A"));
        assertThat(hasher.ofClient("10.0.0.1", null)).isEqualTo(hasher.ofClient("10.0.0.1", ""));
    }

    @Test
    void addressesOfOneSlash24OrSlash48HashAlike() {
        assertThat(hasher.ofClient("203.0.113.7", "A")).isEqualTo(hasher.ofClient("203.0.113.250", "A"));
        assertThat(hasher.ofClient("2001:db8:1:2::7", "A")).isEqualTo(hasher.ofClient("2001:db8:1:ffff:1:2:3:4", "A"));
        assertThat(hasher.ofClient("2001:db8:1::7", "A")).isNotEqualTo(hasher.ofClient("2001:db8:2::7", "A"));
    }

    @ParameterizedTest(name = "{0} is hashed as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            203.0.113.7            | 203.0.113.0/24
            ::ffff:203.0.113.7     | 203.0.113.0/24
            2001:0db8:0001:0002::7 | 2001:db8:1::/48
            ::1                    | 0:0:0::/48
            """)
    void addressesAreCutToTheirSlash24OrSlash48BeforeHashing(String address, String network) {
        assertThat(ReaderHasher.network(address)).isEqualTo(network);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abcd.cafe", "127.1", "999.1.2.3", "1.2.3.4:80"})
    void whatIsNotAnAddressLiteralIsHashedAsGivenAndNeverLookedUp(String notAnAddress) {
        assertThat(ReaderHasher.network(notAnAddress)).isEqualTo(notAnAddress);
    }

    @Test
    void noAddressIsHashedAsEmpty() {
        assertThat(ReaderHasher.network(null)).isEmpty();
    }

    @Test
    void aShortKeyOrAFastRotationIsRefused() {
        assertThatThrownBy(() -> new ReaderHasher("", Duration.ofDays(1), clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderHasher("x".repeat(31), Duration.ofDays(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReaderHasher(KEY, Duration.ofMinutes(30), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
