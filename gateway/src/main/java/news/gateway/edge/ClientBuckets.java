package news.gateway.edge;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import news.gateway.GatewayProperties;
import news.kit.web.ForwardedClients;

/**
 * One token bucket per client (a client address, IPv6 clients by their /64: one subscriber routinely holds a whole
 * /64; or a signed-in account), at most {@code clients} of them, each forgotten as soon as it is full again: a full
 * bucket and no bucket answer alike. A reader who sent one request is forgotten within seconds, not after a whole
 * refill period, so the buckets of a site's many passing readers die young instead of filling the old generation of
 * the heap (measured in docs/benchmarks.md). A budget shared by {@code shares} instances costs {@code shares} tokens a
 * request, so this instance allows exactly its share of it.
 */
final class ClientBuckets {

    private final GatewayProperties.RateLimit rate;
    private final long tokensPerRequest;
    private final TimeMeter clock;
    /** The budget's one limit, shared by every client's bucket. */
    private final Bandwidth limit;
    /** How long one token takes to come back, rounded up. */
    private final long nanosPerToken;
    private final Cache<String, Bucket> buckets;

    ClientBuckets(GatewayProperties.RateLimit rate, int shares) {
        this(rate, shares, System::nanoTime);
    }

    /** With the clock both the buckets and their forgetting read (tests move it by hand). */
    ClientBuckets(GatewayProperties.RateLimit rate, int shares, LongSupplier nanoTime) {
        this.rate = rate;
        this.tokensPerRequest = shares;
        this.clock = clock(nanoTime);
        this.limit = limit(rate);
        this.nanosPerToken = (TimeUnit.NANOSECONDS.convert(rate.period()) + rate.refill() - 1)
                / Math.max(1, rate.refill());
        this.buckets = Caffeine.newBuilder().maximumSize(rate.clients()).ticker(nanoTime::getAsLong)
                .expireAfter(new UntilFull()).build();
    }

    /** The key the client is counted under. */
    static String key(String clientAddress) {
        return ForwardedClients.limitKey(clientAddress);
    }

    /** Takes one request's tokens of the client's bucket: 0 when it had them, else the whole seconds until it will. */
    long take(String key) {
        ConsumptionProbe[] probe = new ConsumptionProbe[1];
        // a compute, so that the cache times the entry's life from the bucket as this request leaves it
        buckets.asMap().compute(key, (client, bucket) -> {
            Bucket taken = bucket == null ? newBucket(limit, clock) : bucket;
            probe[0] = taken.tryConsumeAndReturnRemaining(tokensPerRequest);
            return taken;
        });
        return probe[0].isConsumed() ? 0 : wholeSeconds(probe[0].getNanosToWaitForRefill());
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

    /** Whether the client's bucket is remembered (tests). */
    boolean remembers(String key) {
        return buckets.policy().getIfPresentQuietly(key) != null;
    }

    /** How many buckets the cache holds (tests): forgotten ones go at its maintenance, within about a second. */
    long held() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** A wait for {@code Retry-After}: whole seconds, rounded up, at least 1. */
    static long wholeSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The budget in words, for a 429's detail. */
    String budget() {
        return "at most " + rate.capacity() + " at once and " + rate.refill() + " per " + rate.period().toSeconds()
                + " s";
    }

    /** The budget's shape as Bucket4j's limit: built once, not for every new client. */
    static Bandwidth limit(GatewayProperties.RateLimit rate) {
        return Bandwidth.builder().capacity(rate.capacity()).refillGreedy(rate.refill(), rate.period()).build();
    }

    /** A full bucket with this limit, on this clock. */
    static Bucket newBucket(Bandwidth limit, TimeMeter clock) {
        return Bucket.builder().withCustomTimePrecision(clock).addLimit(limit).build();
    }

    /** Bucket4j's clock over a nanosecond source. */
    static TimeMeter clock(LongSupplier nanoTime) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /**
     * A bucket's entry lives until the bucket is full again: the whole tokens it lacks (available tokens are rounded
     * down, so never fewer than it lacks), each refilled in {@code period / refill}, rounded up. Reads change nothing.
     */
    private final class UntilFull implements Expiry<String, Bucket> {

        @Override
        public long expireAfterCreate(String key, Bucket bucket, long currentTime) {
            return untilFull(bucket);
        }

        @Override
        public long expireAfterUpdate(String key, Bucket bucket, long currentTime, long currentDuration) {
            return untilFull(bucket);
        }

        @Override
        public long expireAfterRead(String key, Bucket bucket, long currentTime, long currentDuration) {
            return currentDuration;
        }

        private long untilFull(Bucket bucket) {
            return Math.multiplyExact(Math.max(0, rate.capacity() - bucket.getAvailableTokens()), nanosPerToken);
        }
    }
}
