package news.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** The {@code infra/platform} command line. Exit codes: 0 fine, 1 failed, 2 bad input (usage printed). */
public final class Platform {

    static final String USAGE = """
            usage: infra/platform <command> [options]

              up                         build what is stale, start Kafka, the store, the identity provider
                                         and the four services,
                                         load demo content into an empty store; Ctrl-C stops everything
              status                     what runs, on which ports, and its health
              stop                       stop a platform started by `up` in another terminal
              logs <name> [--follow]     show a process's log (kafka, mongo, identity, gateway,
                                         article-service, comment-service, ranking-service)
              token --role editor|reader --sub NAME [--name "Full Name"] [--ttl 8h]
                                         print a bearer token for API clients, issued by the running
                                         platform's identity provider (at most 7d)
              reset --yes                delete the data folder (all articles, comments, topics); asks nothing
              simulate [--views-per-second 200] [--duration 5m] [--target http://localhost:8080]
                       [--bots 0.05] [--shares 0.02] [--comments 0.002] [--readers 5000] [--seed 42]
                       [--abusive 0] [--connections 64]
                                         ordinary readers browsing through the gateway (pages, views, lists,
                                         shares, comments), open-loop at a fixed rate; --abusive adds one client
                                         flooding views (a share of all requests); stops by itself
              load [--mix browse|views|shares|articles|pages|home|comments|comment-posts|rankings]
                   [--rate N|max] [--connections 64] [--warm-up 10s] [--duration 30s]
                   [--target http://127.0.0.1:8080] [--articles-from URL (default: the target)]
                   [--readers new|returning] [--threads 1] [--seed 42] [--json FILE]
                                         the benchmark load: a new reader and client address per request by
                                         default; prints req/s and p50/p99/p99.9 per request kind; a target
                                         that lists no articles (comment-service) takes them --articles-from;
                                         its own code warms for 2 s against a stub first, never the target
              load --compare NAME=FILE --anchor NAME=FILE
                                         two saved runs (--json) side by side, with their ratio
              observe                    Prometheus and Alertmanager (Debian's prometheus, prometheus-alertmanager)
                                         on the running platform: alerts.yml evaluated, notifications shown here
              dlq list|show|replay [<topic>] [--from T] [--to T] [--id CE_ID] [--all] [--dry-run]
                                         dead letters: why they failed; put chosen ones back on their topic
                                         (`infra/platform dlq help` for the details; works against any cluster)

            environment: KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI use external infrastructure;
                         GATEWAY_PORT, ARTICLE_SERVICE_PORT, COMMENT_SERVICE_PORT, RANKING_SERVICE_PORT,
                         KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGODB_PORT, IDENTITY_PORT move ports (Actuator answers on each
                         service's port + 1000 unless GATEWAY_MANAGEMENT_PORT, ... say otherwise); NEWS_DATA_DIR moves the
                         data folder; NEWS_JAVA_OPTS sets the services' JVM options; the services and the identity
                         provider listen on 127.0.0.1 only unless NEWS_BIND_ADDRESS says otherwise (0.0.0.0: every
                         interface); Actuator stays on 127.0.0.1.
            """;

    private Platform() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out, System.err);
        } catch (UsageException e) {
            System.err.println("infra/platform: " + e.getMessage());
            System.err.print(USAGE);
            code = 2;
        } catch (Exception e) {
            System.err.println("infra/platform: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0) {
            throw new UsageException("a command is needed");
        }
        Layout layout = Layout.fromEnvironment();
        List<String> rest = List.of(args).subList(1, args.length);
        return switch (args[0]) {
            case "up" -> {
                noArguments("up", rest);
                yield new LocalRuntime(layout, out).up();
            }
            case "status" -> {
                noArguments("status", rest);
                yield status(layout, out);
            }
            case "stop" -> {
                noArguments("stop", rest);
                yield stop(layout, out);
            }
            case "logs" -> logs(layout, rest, out);
            case "token" -> token(layout, rest, out);
            case "reset" -> reset(layout, rest, out);
            case "simulate" -> new Simulator(simulation(layout, rest), LocalIdentity.of(layout).mint(), out).run();
            case "observe" -> {
                noArguments("observe", rest);
                yield new news.launcher.observability.LocalObservability(layout, out).runUntilStopped();
            }
            case "dlq" -> news.launcher.dlq.DeadLetterCommand.run(rest, layout.externalKafka() != null
                    ? layout.externalKafka() : "127.0.0.1:" + layout.kafkaPort(), out);
            case "load" -> LoadCommand.run(layout, rest, out);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        };
    }

    static int token(Layout layout, List<String> args, PrintStream out) {
        Map<String, String> options = options(args, List.of("--role", "--sub", "--name", "--ttl"));
        String role = options.get("--role");
        String sub = options.get("--sub");
        if (role == null || sub == null) {
            throw new UsageException("token needs --role and --sub");
        }
        if (!role.equals("editor") && !role.equals("reader")) {
            throw new UsageException("--role must be editor or reader, not '" + role + "'");
        }
        if (!sub.matches("[A-Za-z0-9._@-]{1,128}")) {
            throw new UsageException("--sub must be 1-128 letters, digits or . _ @ -");
        }
        Duration ttl = parseDuration(options.getOrDefault("--ttl", "8h"));
        if (ttl.compareTo(Duration.ofDays(7)) > 0) {
            throw new UsageException("--ttl is at most 7d");
        }
        out.println(LocalIdentity.of(layout).mint().mint(sub, options.getOrDefault("--name", sub), role, ttl));
        return 0;
    }

    static int status(Layout layout, PrintStream out) throws IOException {
        Properties state = readState(layout);
        boolean launcherAlive = state != null && alive(state.getProperty("launcher.pid"));
        out.println(launcherAlive ? "Platform started by pid " + state.getProperty("launcher.pid") + "; data in "
                + layout.data() : "No platform started by infra/platform up is running" + (state != null
                ? " (a stale state file was found)." : "."));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROCESS", "PID", "PORT", "STATE"});
        if (state != null && state.getProperty("kafka.pid") != null) {
            rows.add(row("kafka", state.getProperty("kafka.pid"), layout.kafkaPort()));
        } else if (state != null) {
            rows.add(new String[] {"kafka", "-", state.getProperty("kafka.bootstrap", "-"), "external"});
        }
        if (state != null && state.getProperty("mongo.pid") != null) {
            rows.add(row("mongo", state.getProperty("mongo.pid"), layout.mongoPort()));
        } else if (state != null) {
            rows.add(new String[] {"mongo", "-", state.getProperty("mongodb.uri", "-"), "external"});
        }
        if (state != null) {
            rows.add(new String[] {"identity", state.getProperty("identity.pid", "-"), "" + layout.identityPort(),
                    Http.status(state.getProperty("identity.issuer", "http://localhost:" + layout.identityPort())
                            + "/.well-known/openid-configuration") == 200 ? "ready" : "not answering"});
        }
        boolean allUp = launcherAlive;
        for (Layout.Service service : Layout.SERVICES) {
            int port = layout.port(service);
            int management = layout.managementPort(service);
            int readiness = Http.status("http://127.0.0.1:" + management + "/actuator/health/readiness");
            String health = readiness == 200 ? "ready" : readiness < 0 ? "not answering" : "not ready (" + readiness + ")";
            allUp &= readiness == 200;
            String pid = state == null ? null : state.getProperty(service.name() + ".pid");
            rows.add(new String[] {service.name(), pid != null && alive(pid) ? pid : "-", port + " (actuator " + management + ")",
                    health});
        }
        for (String[] row : rows) {
            out.printf("  %-17s %-8s %-26s %s%n", (Object[]) row);
        }
        return allUp ? 0 : 1;
    }

    static int stop(Layout layout, PrintStream out) throws Exception {
        Properties state = readState(layout);
        if (state == null || !alive(state.getProperty("launcher.pid"))) {
            out.println("No running platform found (no live launcher in " + layout.stateFile() + ").");
            return 0;
        }
        long pid = Long.parseLong(state.getProperty("launcher.pid"));
        ProcessHandle launcher = ProcessHandle.of(pid).orElseThrow();
        out.println("Asking the platform (pid " + pid + ") to stop...");
        launcher.destroy();
        launcher.onExit().get(120, java.util.concurrent.TimeUnit.SECONDS);
        out.println("Stopped.");
        return 0;
    }

    static int logs(Layout layout, List<String> args, PrintStream out) throws IOException, InterruptedException {
        List<String> names = List.of("kafka", "mongo", "identity", "gateway", "article-service", "comment-service", "ranking-service");
        if (args.isEmpty() || args.size() > 2 || !names.contains(args.get(0))
                || (args.size() == 2 && !List.of("--follow", "-f").contains(args.get(1)))) {
            throw new UsageException("logs needs one of " + names + " and optionally --follow");
        }
        Path file = layout.log(args.get(0));
        if (!Files.exists(file)) {
            out.println("No log yet at " + file);
            return 1;
        }
        LocalRuntime.tail(file, 200).forEach(out::println);
        if (args.size() == 2) {
            try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
                long position = reader.length();
                while (true) {
                    long length = reader.length();
                    if (length > position) {
                        reader.seek(position);
                        byte[] chunk = new byte[(int) (length - position)];
                        reader.readFully(chunk);
                        out.print(new String(chunk, StandardCharsets.UTF_8));
                        out.flush();
                        position = length;
                    }
                    Thread.sleep(300);
                }
            }
        }
        return 0;
    }

    static int reset(Layout layout, List<String> args, PrintStream out) throws IOException {
        if (!args.equals(List.of("--yes"))) {
            if (!args.isEmpty()) {
                throw new UsageException("reset takes only --yes");
            }
            out.println("reset deletes " + layout.data() + " (articles, comments, topics, rankings)."
                    + " Nothing was deleted; run `infra/platform reset --yes` to do it.");
            return 1;
        }
        Properties state = readState(layout);
        if (state != null && alive(state.getProperty("launcher.pid"))) {
            out.println("The platform is running (pid " + state.getProperty("launcher.pid")
                    + "): stop it first (Ctrl-C or infra/platform stop).");
            return 1;
        }
        if (!Files.exists(layout.data())) {
            out.println("Nothing to delete: " + layout.data() + " does not exist.");
            return 0;
        }
        try (Stream<Path> files = Files.walk(layout.data())) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        out.println("Deleted " + layout.data() + ".");
        return 0;
    }

    static Simulator.Options simulation(Layout layout, List<String> args) {
        Map<String, String> o = options(args, List.of("--views-per-second", "--duration", "--target", "--bots",
                "--shares", "--comments", "--readers", "--seed", "--abusive", "--connections"));
        URI target = localTarget(o.getOrDefault("--target", "http://localhost:" + layout.port(Layout.SERVICES.get(3))));
        int rate = intOption(o, "--views-per-second", 200, 1, 20_000);
        Duration duration = parseDuration(o.getOrDefault("--duration", "5m"));
        if (duration.compareTo(Duration.ofHours(1)) > 0) {
            throw new UsageException("--duration is at most 1h");
        }
        return new Simulator.Options(target, rate, duration, fraction(o, "--bots", 0.05), fraction(o, "--shares", 0.02),
                fraction(o, "--comments", 0.002), intOption(o, "--readers", 5_000, 1, 1_000_000),
                Long.parseLong(o.getOrDefault("--seed", "42")), fraction(o, "--abusive", 0),
                intOption(o, "--connections", 64, 1, 1_024));
    }

    /** Load goes to this machine only. */
    static URI localTarget(String target) {
        URI uri = URI.create(target);
        if (!"http".equals(uri.getScheme())
                || !List.of("localhost", "127.0.0.1", "[::1]").contains(String.valueOf(uri.getHost()))) {
            throw new UsageException("--target must be http://localhost or http://127.0.0.1: load goes only there");
        }
        return uri;
    }

    static int intOption(Map<String, String> o, String name, int defaultValue, int min, int max) {
        try {
            int value = Integer.parseInt(o.getOrDefault(name, "" + defaultValue));
            if (value < min || value > max) {
                throw new UsageException(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number");
        }
    }

    static double fraction(Map<String, String> o, String name, double defaultValue) {
        try {
            double value = Double.parseDouble(o.getOrDefault(name, "" + defaultValue));
            if (value < 0 || value > 1) {
                throw new UsageException(name + " must be a fraction between 0 and 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number between 0 and 1");
        }
    }

    static Map<String, String> options(List<String> args, List<String> allowed) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option '" + name + "'");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(name + " needs a value");
            }
            options.put(name, args.get(++i));
        }
        return options;
    }

    private static void noArguments(String command, List<String> rest) {
        if (!rest.isEmpty()) {
            throw new UsageException(command + " takes no arguments, got " + rest);
        }
    }

    static Duration parseDuration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(text);
        if (!m.matches()) {
            throw new UsageException("a duration must look like 30s, 30m, 8h or 2d, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static Properties readState(Layout layout) throws IOException {
        if (!Files.exists(layout.stateFile())) {
            return null;
        }
        Properties state = new Properties();
        try (var reader = Files.newBufferedReader(layout.stateFile())) {
            state.load(reader);
        }
        return state;
    }

    private static boolean alive(String pid) {
        return pid != null && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String[] row(String name, String pid, int port) {
        boolean up = alive(pid);
        return new String[] {name, pid, "" + port, up ? (Ports.isListening(port) ? "running" : "starting") : "not running"};
    }
}
