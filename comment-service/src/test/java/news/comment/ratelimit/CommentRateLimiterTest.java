package news.comment.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CommentRateLimiterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommentRateLimiter limiter = new CommentRateLimiter(new RateLimitProperties(
            new RateLimitProperties.Limit(5, Duration.ofMinutes(1), 3),
            new RateLimitProperties.Limit(30, Duration.ofMinutes(1), 4),
            Duration.ofMinutes(10), 1000), meters);

    @Test
    void anAuthorMayPostABurstOfThreeThenWaitsForTheNextTokenOfFivePerMinute() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice", "203.0.113.1");
        }
        RateLimited limited = catchThrowableOfType(RateLimited.class, () -> limiter.acquire("alice", "203.0.113.1"));
        assertThat(limited.scope()).isEqualTo("author");
        assertThat(limited.retryAfterSeconds()).isBetween(1L, 12L);
        assertThat(meters.counter("news.rate.limited", "scope", "author").count()).isEqualTo(1);
        assertThatCode(() -> limiter.acquire("bob", "203.0.113.1")).doesNotThrowAnyException();
    }

    @Test
    void aClientAddressIsLimitedAcrossAuthorsAndARefusalCostsTheAuthorNothing() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("author-" + i, "198.51.100.7");
        }
        RateLimited limited = catchThrowableOfType(RateLimited.class, () -> limiter.acquire("carol", "198.51.100.7"));
        assertThat(limited.scope()).isEqualTo("client");
        assertThat(meters.counter("news.rate.limited", "scope", "client").count()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("carol", "198.51.100." + (20 + i));
        }
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("author-v6-" + i, "2001:db8:5:6:" + (i + 1) + "::1");
        }
        RateLimited limited = catchThrowableOfType(RateLimited.class,
                () -> limiter.acquire("dave", "2001:db8:5:6:ffff::9"));
        assertThat(limited.scope()).isEqualTo("client");
        assertThatCode(() -> limiter.acquire("dave", "2001:db8:5:7::1")).doesNotThrowAnyException();
    }

    @Test
    void rejectsALimitWithoutTokens() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new RateLimitProperties.Limit(0, Duration.ofMinutes(1), 3))).hasMessageContaining("tokens >= 1");
    }
}
