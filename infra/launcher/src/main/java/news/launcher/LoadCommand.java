package news.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.launcher.load.Articles;
import news.launcher.load.Kind;
import news.launcher.load.LoadEngine;
import news.launcher.load.LoadResult;
import news.launcher.load.Mix;
import news.launcher.load.SelfWarmUp;

/**
 * {@code infra/platform load}: the benchmark load. By default a new reader and client address with every request
 * (the hardest case for the gateway's and the services' per-client work), a chosen mix, a fixed rate (open loop)
 * or as fast as the server answers, to localhost only, bounded in time. Prints a table per request kind and can
 * save it (--json) to compare two runs of the same requests, e.g. the gateway and its nginx anchor.
 */
final class LoadCommand {

    private LoadCommand() {
    }

    static int run(Layout layout, List<String> args, PrintStream out) throws Exception {
        Map<String, String> o = Platform.options(args, List.of("--mix", "--rate", "--connections", "--warm-up",
                "--duration", "--target", "--articles-from", "--readers", "--threads", "--seed", "--json", "--compare",
                "--anchor"));
        if (o.containsKey("--compare") || o.containsKey("--anchor")) {
            return compare(o, out);
        }
        URI target = Platform.localTarget(o.getOrDefault("--target",
                "http://127.0.0.1:" + layout.port(Layout.SERVICES.get(3))));
        String rateText = o.getOrDefault("--rate", "max");
        double rate = rateText.equals("max") ? 0 : Platform.intOption(o, "--rate", 0, 1, 200_000);
        int connections = Platform.intOption(o, "--connections", 64, 1, 4_096);
        Duration warmUp = Platform.parseDuration(o.getOrDefault("--warm-up", "10s"));
        Duration duration = Platform.parseDuration(o.getOrDefault("--duration", "30s"));
        if (duration.plus(warmUp).compareTo(Duration.ofMinutes(30)) > 0) {
            throw new UsageException("--warm-up and --duration together are at most 30m");
        }
        int threads = Platform.intOption(o, "--threads", 1, 1, 8);
        long seed = Long.parseLong(o.getOrDefault("--seed", "42"));
        Mix.Readers readers = switch (o.getOrDefault("--readers", "new")) {
            case "new" -> Mix.Readers.NEW_PER_REQUEST;
            case "returning" -> Mix.Readers.RETURNING;
            default -> throw new UsageException("--readers must be new or returning");
        };
        Mix.PerVisit perVisit = perVisit(o.getOrDefault("--mix", "browse"));
        URI articlesFrom = o.containsKey("--articles-from") ? Platform.localTarget(o.get("--articles-from")) : target;
        List<String> articles = Articles.published(articlesFrom, 5_000);
        if (articles.isEmpty()) {
            out.println("load: no published article at " + articlesFrom + "; load content first (infra/platform up).");
            return 1;
        }
        TokenMint mint = LocalIdentity.of(layout).mint();
        Mix mix = new Mix(articles, perVisit, readers, 50_000, 0.0, 0.0,
                subject -> mint.mint(subject, "Bench " + subject, "reader", Duration.ofHours(2)));
        out.printf("load: %s mix, %s, %d connections, warm-up %d s, %d s counted, %s readers, %d articles, %s%n",
                o.getOrDefault("--mix", "browse"), rate == 0 ? "as fast as answered (closed loop)"
                        : String.format(Locale.ROOT, "%.0f req/s open-loop", rate), connections, warmUp.toSeconds(),
                duration.toSeconds(), readers == Mix.Readers.NEW_PER_REQUEST ? "new" : "returning", articles.size(),
                target);
        // the generator's own start-up is not the target's: its code warms against a stub first, as simulate's does
        long selfWarmUp = SelfWarmUp.run(mix, seed + 1, Simulator.SELF_WARM_UP).total().requests();
        out.printf("(the load first warmed its own code for %d s: %,d requests to a stub on loopback, none to the"
                + " target)%n", Simulator.SELF_WARM_UP.toSeconds(), selfWarmUp);
        LoadEngine engine = new LoadEngine(new LoadEngine.Settings(target, rate, connections, warmUp, duration,
                Duration.ofSeconds(10), threads));
        LoadResult result = engine.run(mix, seed, second -> { });
        result.print(out);
        if (o.containsKey("--json")) {
            Files.writeString(Path.of(o.get("--json")), result.toJson());
        }
        return 0;
    }

    private static Mix.PerVisit perVisit(String mix) {
        return switch (mix) {
            case "browse" -> Mix.PerVisit.browsing(0.02, 0.002);
            case "views" -> Mix.PerVisit.only(Kind.VIEW);
            case "shares" -> Mix.PerVisit.only(Kind.SHARE);
            case "articles" -> Mix.PerVisit.only(Kind.ARTICLE);
            case "pages" -> Mix.PerVisit.only(Kind.PAGE_ARTICLE);
            case "home" -> Mix.PerVisit.only(Kind.PAGE_HOME);
            case "comments" -> Mix.PerVisit.only(Kind.COMMENTS);
            case "rankings" -> Mix.PerVisit.only(Kind.RANKING);
            case "comment-posts" -> Mix.PerVisit.only(Kind.COMMENT);
            default -> throw new UsageException("--mix must be browse, views, shares, articles, pages, home,"
                    + " comments, rankings or comment-posts, not '" + mix + "'");
        };
    }

    private static int compare(Map<String, String> o, PrintStream out) throws Exception {
        String[] mine = named(o.get("--compare"), "--compare");
        String[] anchor = named(o.get("--anchor"), "--anchor");
        LoadResult.compare(mine[0], LoadResult.fromJson(Files.readString(Path.of(mine[1]))), anchor[0],
                LoadResult.fromJson(Files.readString(Path.of(anchor[1]))), out);
        return 0;
    }

    private static String[] named(String value, String option) {
        if (value == null || !value.contains("=")) {
            throw new UsageException(option + " must be NAME=FILE (a file written by load --json)");
        }
        return value.split("=", 2);
    }
}
