package news.gateway.edge;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import news.gateway.GatewayProperties;
import news.kit.web.ForwardedClients;

/**
 * One token bucket per client (a client address, IPv6 clients by their /64: one subscriber routinely holds a whole
 * /64; or a signed-in account), at most {@code clients} of them, each forgotten once it has been idle long enough to
 * be full again. A budget shared by {@code shares} instances costs {@code shares} tokens a request, so this instance
 * allows exactly its share of it.
 */
final class ClientBuckets {

    private final GatewayProperties.RateLimit rate;
    private final long tokensPerRequest;
    private final Cache<String, Bucket> buckets;

    ClientBuckets(GatewayProperties.RateLimit rate, int shares) {
        this.rate = rate;
        this.tokensPerRequest = shares;
        // an idle bucket is full again after this long, so forgetting it then changes nothing
        Duration refillsCompletely = rate.period().multipliedBy(Math.max(1, (rate.capacity() + rate.refill() - 1)
                / Math.max(1, rate.refill())));
        this.buckets = Caffeine.newBuilder().maximumSize(rate.clients())
                .expireAfterAccess(refillsCompletely.plusSeconds(1)).build();
    }

    /** The key the client is counted under. */
    static String key(String clientAddress) {
        return ForwardedClients.limitKey(clientAddress);
    }

    /** Takes one request's tokens of the client's bucket: 0 when it had them, else the whole seconds until it will. */
    long take(String key) {
        ConsumptionProbe probe = buckets.get(key, c -> newBucket()).tryConsumeAndReturnRemaining(tokensPerRequest);
        return probe.isConsumed() ? 0 : wholeSeconds(probe.getNanosToWaitForRefill());
    }

    /** Without taking anything: 0 when the client still has one request's tokens, else the whole seconds until it will. */
    long waitFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(tokensPerRequest);
        return probe.canBeConsumed() ? 0 : wholeSeconds(probe.getNanosToWaitForRefill());
    }

    /** A wait for {@code Retry-After}: whole seconds, rounded up, at least 1. */
    private static long wholeSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The budget in words, for a 429's detail. */
    String budget() {
        return "at most " + rate.capacity() + " at once and " + rate.refill() + " per " + rate.period().toSeconds()
                + " s";
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.capacity()).refillGreedy(rate.refill(), rate.period()))
                .build();
    }
}
