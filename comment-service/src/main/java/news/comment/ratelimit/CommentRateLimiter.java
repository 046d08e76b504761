package news.comment.ratelimit;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import news.kit.web.ForwardedClients;

/**
 * One token per accepted comment from the author's bucket and from the client address's bucket. Called only for a
 * comment that is otherwise valid, so a rejected attempt costs the reader nothing.
 */
@Component
public class CommentRateLimiter {

    private final Buckets authors;
    private final Buckets clients;
    private final MeterRegistry meters;

    CommentRateLimiter(RateLimitProperties properties, MeterRegistry meters) {
        this.authors = new Buckets(properties.perAuthor(), properties);
        this.clients = new Buckets(properties.perClient(), properties);
        this.meters = meters;
    }

    /**
     * Takes a token from both buckets, or none.
     *
     * @throws RateLimited when either bucket is empty
     */
    public void acquire(String authorId, String clientAddress) {
        Bucket author = authors.of(authorId);
        ConsumptionProbe byAuthor = author.tryConsumeAndReturnRemaining(1);
        if (!byAuthor.isConsumed()) {
            throw limited("author", byAuthor);
        }
        // IPv6 clients by their /64: one subscriber routinely holds a whole /64
        ConsumptionProbe byClient = clients.of(clientAddress == null ? ForwardedClients.UNKNOWN
                : ForwardedClients.limitKey(clientAddress)).tryConsumeAndReturnRemaining(1);
        if (!byClient.isConsumed()) {
            author.addTokens(1);
            throw limited("client", byClient);
        }
    }

    private RateLimited limited(String scope, ConsumptionProbe probe) {
        meters.counter("news.rate.limited", "scope", scope).increment();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new RateLimited(scope, seconds);
    }

    private static final class Buckets {
        private final RateLimitProperties.Limit limit;
        private final Cache<String, Bucket> cache;

        Buckets(RateLimitProperties.Limit limit, RateLimitProperties properties) {
            this.limit = limit;
            this.cache = Caffeine.newBuilder().expireAfterAccess(properties.idleExpiry())
                    .maximumSize(properties.maxBuckets()).build();
        }

        Bucket of(String key) {
            return cache.get(key, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.burst())
                    .refillGreedy(limit.tokens(), limit.period()).build()).build());
        }
    }
}
