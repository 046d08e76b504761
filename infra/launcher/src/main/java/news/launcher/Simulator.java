package news.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import news.launcher.load.Articles;
import news.launcher.load.Kind;
import news.launcher.load.LoadEngine;
import news.launcher.load.LoadResult;
import news.launcher.load.Mix;
import news.launcher.load.SelfWarmUp;

/**
 * {@code infra/platform simulate}: ordinary readers browsing the site through the gateway, bounded in rate and time,
 * to localhost only. Each visit is an article page and its view, now and then the home page, a comment list, a
 * ranking, an app's article read, a share or a comment ({@link Mix.PerVisit#browsing}); articles are drawn Zipf-like,
 * readers come back at a human pace from a pool, a share of the traffic is crawlers. Optionally one abusive client
 * floods views from one address and meets the write limit, in a row of its own. Open-loop at a fixed rate, latencies
 * from the moment each request was due (the same engine as {@code infra/platform load}). Prints a progress line every
 * second and a table at the end; exits 1 when any request failed, got a 5xx, or an ordinary reader got a 4xx.
 */
final class Simulator {

    /** How long the simulator exercises its own code against a stub before its clock starts ({@link SelfWarmUp}). */
    static final Duration SELF_WARM_UP = Duration.ofSeconds(2);

    record Options(URI target, int viewsPerSecond, Duration duration, double botShare, double shareRate,
                   double commentRate, int readers, long seed, double abusiveShare, int connections) {
    }

    private final Options options;
    private final TokenMint mint;
    private final PrintStream out;

    Simulator(Options options, TokenMint mint, PrintStream out) {
        this.options = options;
        this.mint = mint;
        this.out = out;
    }

    int run() throws Exception {
        List<String> articles = Articles.published(options.target(), 5_000);
        if (articles.isEmpty()) {
            out.println("simulate: no published article at " + options.target() + "; start the platform and load"
                    + " content first (infra/platform up loads demo articles into an empty store).");
            return 1;
        }
        Mix.PerVisit visit = Mix.PerVisit.browsing(options.shareRate(), options.commentRate());
        double rate = options.viewsPerSecond() / visit.viewShare();
        Mix mix = new Mix(articles, visit, Mix.Readers.RETURNING, options.readers(), options.botShare(),
                options.abusiveShare(), subject -> mint.mint(subject, "Reader " + subject.replaceAll("\\D", ""),
                "reader", Duration.ofHours(2)));
        out.printf("Simulating %d views/s (%.0f requests/s: pages, views, home, lists, shares, comments) for %d s"
                        + " against %s over %d published articles (%d returning readers, %.0f%% crawlers%s)%n",
                options.viewsPerSecond(), rate, options.duration().toSeconds(), options.target(), articles.size(),
                options.readers(), options.botShare() * 100, options.abusiveShare() > 0
                        ? String.format(", %.1f%% from one abusive client", options.abusiveShare() * 100) : "");
        long warmUp = SelfWarmUp.run(mix, options.seed() + 1, SELF_WARM_UP).total().requests();
        out.printf("(the simulator first warmed its own code for %d s: %,d requests to a stub on loopback, none to the"
                + " platform)%n", SELF_WARM_UP.toSeconds(), warmUp);
        LoadEngine engine = new LoadEngine(new LoadEngine.Settings(options.target(), rate, options.connections(),
                Duration.ZERO, options.duration(), Duration.ofSeconds(10), 1));
        long[] last = {0};
        LoadResult result = engine.run(mix, options.seed(), second -> {
            LoadResult.Interval now = engine.interval();
            long total = now.answered() + now.failed();
            out.printf("[%4d s] %,6d req/s  answered %,d  4xx %,d  5xx %,d  failed %,d  p50 %.1f ms  p99 %.1f ms%n",
                    second, total - last[0], now.answered(), now.clientErrors(), now.serverErrors(), now.failed(),
                    now.p50(), now.p99());
            last[0] = total;
        });
        out.println();
        result.print(out);
        LoadResult.KindResult all = result.total();
        long readerClientErrors = result.rows().stream()
                .filter(r -> !r.kind().equals(Kind.ABUSIVE.name()) && !r.kind().equals("ALL"))
                .mapToLong(r -> r.statuses(400, 500)).sum();
        out.printf("%nDone: %,d requests from ordinary readers in %d s: %,d failed (no answer), %,d 5xx, %,d 4xx;"
                        + " p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", all.requests(),
                result.counted().toSeconds(), all.failed(), all.statuses(500, 600), readerClientErrors, all.p50(),
                all.p99(), all.p999(), all.max());
        LoadResult.KindResult abusive = result.row(Kind.ABUSIVE);
        if (abusive != null) {
            out.printf("The abusive client (one address, views only): %,d requests, %,d refused with 429%n",
                    abusive.requests(), abusive.statuses(429, 430));
        }
        return all.failed() == 0 && all.statuses(500, 600) == 0 && readerClientErrors == 0 ? 0 : 1;
    }
}
