package news.comment.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code news.comments.rate-limit.*}: how many comments a bucket allows. The limits' defaults live in
 * {@code application.yml}, next to their environment variables.
 *
 * @param perAuthor    the limit of one author (token subject)
 * @param perClient    the limit of one client address (see {@code news.web.trusted-proxies})
 * @param idleExpiry   a bucket unused this long is forgotten (it would be full again by then anyway)
 * @param maxBuckets   at most this many buckets are kept per kind; the least recently used go first
 */
@ConfigurationProperties("news.comments.rate-limit")
public record RateLimitProperties(Limit perAuthor,
                                  Limit perClient,
                                  @DefaultValue("10m") Duration idleExpiry,
                                  @DefaultValue("100000") long maxBuckets) {

    public RateLimitProperties {
        if (perAuthor == null || perClient == null) {
            throw new IllegalArgumentException("news.comments.rate-limit.per-author and .per-client must be set");
        }
    }

    /**
     * @param tokens comments allowed per {@code period} in the long run
     * @param period the period of {@code tokens}
     * @param burst  comments allowed at once when the bucket is full
     */
    public record Limit(int tokens, Duration period, int burst) {

        public Limit {
            if (tokens < 1 || burst < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs tokens >= 1, burst >= 1 and a positive period;"
                        + " got tokens=" + tokens + ", period=" + period + ", burst=" + burst);
            }
        }
    }
}
