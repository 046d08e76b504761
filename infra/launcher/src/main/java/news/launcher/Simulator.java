package news.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code infra/platform simulate}: realistic reader traffic through the gateway, bounded in rate and time, to
 * localhost only. Views are skewed Zipf-like over the published articles (a few articles get most views), readers
 * come back (a Zipf-skewed pool of reader ids), a share of the traffic is crawlers, and some readers share or
 * comment. Prints a progress line every second and a summary at the end.
 */
final class Simulator {

    record Options(URI target, int viewsPerSecond, Duration duration, double botShare, double shareRate,
                   double commentRate, int readers, long seed) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] CHANNELS = {"facebook", "x", "kakaotalk", "email", "link"};
    private static final String[] BOTS = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"};
    private static final String[] COMMENTS = {
            "Good to see this reported in detail.", "Does anyone know when the next review is due?",
            "The budget figures in the third paragraph look optimistic.", "Thanks for the clear summary.",
            "이 기사 잘 읽었습니다.", "Interesting angle on the procurement timeline."};

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random;
    private final Semaphore inFlight = new Semaphore(512);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong clientErrors = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong shares = new AtomicLong();
    private final AtomicLong comments = new AtomicLong();
    private final AtomicLong bots = new AtomicLong();
    private final LatencyHistogram latencies = new LatencyHistogram();

    private final TokenMint mint;
    private final java.util.Map<Integer, String> readerTokens = new java.util.concurrent.ConcurrentHashMap<>();

    Simulator(Options options, TokenMint mint, PrintStream out) {
        this.options = options;
        this.mint = mint;
        this.out = out;
        this.random = new Random(options.seed());
    }

    int run() throws Exception {
        List<String> articles = publishedArticles();
        if (articles.isEmpty()) {
            out.println("simulate: no published article at " + options.target() + "; start the platform and load"
                    + " content first (infra/platform up loads demo articles into an empty store).");
            return 1;
        }
        out.printf("Simulating %d views/s for %d s against %s over %d published articles (%d readers, %.0f%% bots)%n",
                options.viewsPerSecond(), options.duration().toSeconds(), options.target(), articles.size(),
                options.readers(), options.botShare() * 100);
        Zipf articleDraw = new Zipf(articles.size(), 1.1);
        Zipf readerDraw = new Zipf(options.readers(), 0.8);
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, options.viewsPerSecond());
        long next = start;
        long nextReport = start + TimeUnit.SECONDS.toNanos(1);
        long lastSent = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now < next) {
                long wait = next - now;
                if (wait > 200_000) {
                    TimeUnit.NANOSECONDS.sleep(wait - 100_000);
                }
                continue;
            }
            next += intervalNanos;
            String articleId = articles.get(articleDraw.sample(random));
            int reader = readerDraw.sample(random);
            boolean bot = random.nextDouble() < options.botShare();
            view(articleId, bot ? null : "sim-reader-" + reader, bot ? BOTS[random.nextInt(BOTS.length)] : browser(reader));
            if (!bot && random.nextDouble() < options.shareRate()) {
                share(articleId);
            }
            if (!bot && random.nextDouble() < options.commentRate()) {
                comment(articleId, reader);
            }
            if (now >= nextReport) {
                long total = sent.get();
                report(Duration.ofNanos(now - start), total - lastSent);
                lastSent = total;
                nextReport += TimeUnit.SECONDS.toNanos(1);
            }
        }
        inFlight.tryAcquire(512, 30, TimeUnit.SECONDS);
        out.println();
        out.printf("Done: %,d requests in %d s: %,d 2xx, %,d 4xx, %,d 5xx, %,d failed to connect or timed out;"
                        + " %,d bot views, %,d shares, %,d comments; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sent.get(), Duration.ofNanos(System.nanoTime() - start).toSeconds(), ok.get(), clientErrors.get(),
                serverErrors.get(), failures.get(), bots.get(), shares.get(), comments.get(),
                latencies.percentile(50), latencies.percentile(99), latencies.percentile(100));
        return serverErrors.get() == 0 && failures.get() == 0 ? 0 : 1;
    }

    private void report(Duration elapsed, long lastSecond) {
        out.printf("\r[%4d s] %,6d req/s  sent %,d  2xx %,d  4xx %,d  5xx %,d  failed %,d  shares %,d  comments %,d"
                        + "  p50 %.1f ms  p99 %.1f ms   ", elapsed.toSeconds(), lastSecond, sent.get(), ok.get(),
                clientErrors.get(), serverErrors.get(), failures.get(), shares.get(), comments.get(),
                latencies.percentile(50), latencies.percentile(99));
        if (System.console() == null) {
            out.println();
        }
    }

    private void view(String articleId, String readerId, String userAgent) {
        if (readerId == null) {
            bots.incrementAndGet();
        }
        String body = readerId == null ? "{}" : "{\"readerId\":\"" + readerId + "\"}";
        send(post("/api/articles/" + articleId + "/views", body, userAgent, null, clientAddress(readerId)));
    }

    private void share(String articleId) {
        shares.incrementAndGet();
        send(post("/api/articles/" + articleId + "/shares",
                "{\"channel\":\"" + CHANNELS[random.nextInt(CHANNELS.length)] + "\"}", browser(0), null,
                clientAddress(null)));
    }

    private void comment(String articleId, int reader) {
        comments.incrementAndGet();
        String token = readerTokens.computeIfAbsent(reader, r -> mint.mint("sim-reader-" + r, "Reader " + r, "reader",
                options.duration().plusMinutes(10)));
        String text = COMMENTS[random.nextInt(COMMENTS.length)];
        send(post("/api/articles/" + articleId + "/comments", "{\"text\":\"" + text + "\"}", browser(reader), token,
                clientAddress("sim-reader-" + reader)));
    }

    /**
     * Simulated readers come from many addresses, as real ones do (RFC 2544's benchmarking range), so per-client
     * limits and reader hashes behave as in production; the gateway believes X-Forwarded-For from loopback.
     */
    private String clientAddress(String readerId) {
        int n = readerId == null ? random.nextInt(65_536) : Math.floorMod(readerId.hashCode(), 65_536);
        return "198.18." + (n >> 8) + "." + (n & 0xff);
    }

    private HttpRequest post(String path, String json, String userAgent, String token, String clientAddress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(options.target().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private void send(HttpRequest request) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sent.incrementAndGet();
        long started = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.release();
            if (error != null) {
                failures.incrementAndGet();
                return;
            }
            latencies.record(System.nanoTime() - started);
            int status = response.statusCode();
            (status < 400 ? ok : status < 500 ? clientErrors : serverErrors).incrementAndGet();
        });
    }

    private List<String> publishedArticles() throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/articles?limit=50" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(options.target().resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            JsonNode page = JSON.readTree(response.body());
            page.path("items").forEach(item -> ids.add(item.path("id").asString()));
            cursor = page.path("next").isNull() || page.path("next").isMissingNode() ? null
                    : java.net.URLEncoder.encode(page.path("next").asString(), java.nio.charset.StandardCharsets.UTF_8);
        } while (cursor != null && ids.size() < 5_000);
        return ids;
    }

    private static String browser(int reader) {
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 sim/"
                + (reader % 7);
    }

    /** Zipf(s) over ranks 0..n-1 by inverse transform on the cumulative weights. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1.0 / Math.pow(k, s);
                cumulative[k - 1] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(Random random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
        }
    }

    /** Latencies in 0.1 ms buckets up to 10 s; enough resolution for p50/p99 of a local run. */
    static final class LatencyHistogram {
        private final AtomicLongArray buckets = new AtomicLongArray(100_001);

        void record(long nanos) {
            buckets.incrementAndGet((int) Math.min(100_000, nanos / 100_000));
        }

        double percentile(double p) {
            long total = 0;
            for (int i = 0; i < buckets.length(); i++) {
                total += buckets.get(i);
            }
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(total * p / 100.0);
            long seen = 0;
            for (int i = 0; i < buckets.length(); i++) {
                seen += buckets.get(i);
                if (seen >= rank) {
                    return (i + 1) / 10.0;
                }
            }
            return 10_000;
        }
    }
}
