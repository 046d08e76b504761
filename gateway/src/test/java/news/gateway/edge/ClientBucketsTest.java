package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import news.gateway.GatewayProperties;

/**
 * The clients' buckets forget a client as soon as its bucket is full again, and not before: a passing reader is
 * forgotten within seconds (so that the heap does not keep every reader of the last minute), a client that emptied its
 * bucket is remembered until it has refilled, and every answer is the one a bucket that is never forgotten gives.
 */
class ClientBucketsTest {

    private static final long SECOND = 1_000_000_000L;
    /** The anonymous write budget's shape: 30 at once, 30 a minute, so one token comes back every 2 s. */
    private static final GatewayProperties.RateLimit WRITES = new GatewayProperties.RateLimit(30, 30,
            Duration.ofMinutes(1), 100_000);

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    /** The reference buckets' clock: the same as the class's. */
    private final TimeMeter clock = ClientBuckets.clock(now::get);

    @Test
    void aReaderWhoSentOneRequestIsForgottenOnceItsTokenIsBack() {
        ClientBuckets buckets = new ClientBuckets(WRITES, 1, now::get);

        assertThat(buckets.take("198.51.100.7")).isZero();
        now.addAndGet(SECOND * 19 / 10);
        assertThat(buckets.remembers("198.51.100.7")).as("1.9 s later, the token not yet back").isTrue();

        now.addAndGet(SECOND / 10);
        assertThat(buckets.remembers("198.51.100.7")).as("2 s later, the bucket full again").isFalse();
        now.addAndGet(2 * SECOND);
        assertThat(buckets.held()).as("and its memory freed by the cache's maintenance").isZero();
    }

    @Test
    void aClientThatEmptiedItsBucketIsRememberedUntilItHasRefilled() {
        ClientBuckets buckets = new ClientBuckets(WRITES, 1, now::get);
        for (int i = 0; i < 30; i++) {
            assertThat(buckets.take("198.51.100.8")).as("request %d", i + 1).isZero();
        }
        assertThat(buckets.take("198.51.100.8")).as("the 31st at once").isEqualTo(2);

        now.addAndGet(59 * SECOND);
        assertThat(buckets.remembers("198.51.100.8")).as("59 s later, one token still missing").isTrue();
        assertThat(buckets.waitFor("198.51.100.8")).isZero();

        now.addAndGet(SECOND);
        assertThat(buckets.remembers("198.51.100.8")).as("60 s later, full again").isFalse();
    }

    @Test
    void answersAreThoseOfBucketsThatAreNeverForgotten() {
        GatewayProperties.RateLimit[] shapes = {WRITES,
                new GatewayProperties.RateLimit(300, 600, Duration.ofMinutes(1), 100_000),
                new GatewayProperties.RateLimit(5, 1, Duration.ofSeconds(10), 100_000)};
        int compared = 0;
        int forgotten = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            GatewayProperties.RateLimit shape = shapes[seed % shapes.length];
            int shares = 1 + seed % 2;
            ClientBuckets forgetting = new ClientBuckets(shape, shares, now::get);
            Map<String, Bucket> kept = new HashMap<>();
            for (int step = 0; step < 400; step++) {
                // bursts, pauses shorter and longer than a refill, at nanosecond resolution
                now.addAndGet(random.nextInt(4) == 0 ? (long) (random.nextDouble() * 30 * SECOND)
                        : (long) (random.nextDouble() * SECOND / 5));
                String client = "client-" + random.nextInt(3);
                if (random.nextInt(5) == 0) {
                    assertThat(forgetting.waitFor(client)).as("seed %d step %d: wait of %s", seed, step, client)
                            .isEqualTo(reference(shape, shares, kept, client, false));
                } else {
                    assertThat(forgetting.take(client)).as("seed %d step %d: take of %s", seed, step, client)
                            .isEqualTo(reference(shape, shares, kept, client, true));
                }
                compared++;
                if (kept.size() == 3 && !(forgetting.remembers("client-0") && forgetting.remembers("client-1")
                        && forgetting.remembers("client-2"))) {
                    forgotten++;
                }
            }
        }
        assertThat(compared).isEqualTo(300 * 400);
        assertThat(forgotten).as("steps after which a client had been forgotten").isGreaterThan(10_000);
    }

    /** The same question to plain buckets on the same clock that are never forgotten. */
    private long reference(GatewayProperties.RateLimit shape, int shares, Map<String, Bucket> kept, String client,
                           boolean take) {
        Bucket bucket = kept.computeIfAbsent(client, c -> ClientBuckets.newBucket(ClientBuckets.limit(shape), clock));
        long wait;
        if (take) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(shares);
            wait = probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
        } else {
            EstimationProbe probe = bucket.estimateAbilityToConsume(shares);
            wait = probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
        }
        return wait == 0 ? 0 : ClientBuckets.wholeSeconds(wait);
    }
}
