package news.launcher.dlq;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;
import news.launcher.UsageException;

/**
 * {@code dlq [--bootstrap-server HOST:PORT] [--command-config FILE] list|show|replay ...}: what is in the dead-letter
 * topics, why each letter failed, and putting chosen letters back on their topic. Exit codes: 0 done, 1 nothing to
 * replay, 2 bad input (a {@link UsageException}).
 */
public final class DeadLetterCommand {

    public static final String USAGE = """
            dlq [--bootstrap-server HOST:PORT] [--command-config FILE] <action>
              list                       every dead-letter topic: letters by consumer and reason
              list <topic> [filters]     one line per letter: where, when, consumer, reason, ce_id
              show <topic> [filters]     each letter whole: headers, key, value
              replay <topic> (--all | filters) [--dry-run]
                                         put the letters back on their topic: same key, value and headers (ce_id
                                         included), without the x-dlq-* headers; a record that several consumers
                                         dead-lettered goes back once
              <topic>: news.article-views or news.article-views.dlq (any topic of infra/contracts/topics.yaml)
              filters: --from TIME --to TIME (an instant such as 2026-12-01T10:00:00Z, or 30m/2h/1d ago) of the
                       dead-lettering, --id CE_ID (repeatable or comma-separated), --consumer NAME (x-dlq-consumer),
                       --limit N
              --command-config: Kafka client properties (security.protocol, sasl.*, ssl.*) for a secured cluster
            """;

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([smhd])");

    private final TopicCatalog catalog;
    private final PrintStream out;

    DeadLetterCommand(TopicCatalog catalog, PrintStream out) {
        this.catalog = catalog;
        this.out = out;
    }

    /**
     * Runs the command line after {@code dlq}. {@code defaultBootstrap} is used unless {@code --bootstrap-server}
     * names another cluster.
     */
    public static int run(List<String> args, String defaultBootstrap, PrintStream out) {
        List<String> rest = new ArrayList<>(args);
        Map<String, Object> client = new HashMap<>();
        client.put("bootstrap.servers", defaultBootstrap);
        while (!rest.isEmpty() && rest.get(0).startsWith("--")) {
            String option = rest.remove(0);
            String value = valueOf(option, rest);
            switch (option) {
                case "--bootstrap-server" -> client.put("bootstrap.servers", value);
                case "--command-config" -> client.putAll(properties(Path.of(value)));
                default -> throw new UsageException("dlq: unknown option '" + option + "' before the action");
            }
        }
        if (rest.isEmpty()) {
            throw new UsageException("dlq needs an action: list, show or replay");
        }
        return new DeadLetterCommand(TopicCatalog.load(), out).execute(rest, new DeadLetters(client));
    }

    int execute(List<String> args, DeadLetters letters) {
        String action = args.get(0);
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        return switch (action) {
            case "list" -> rest.isEmpty() ? summary(letters) : list(letters, rest);
            case "show" -> show(letters, rest);
            case "replay" -> replay(letters, rest);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> throw new UsageException("dlq: unknown action '" + action + "' (list, show or replay)");
        };
    }

    private int summary(DeadLetters letters) {
        for (TopicSpec topic : catalog.topics().stream().filter(TopicSpec::isDeadLetterTopic).toList()) {
            List<Letter> all = letters.read(topic.name(), LetterFilter.ALL, 0);
            out.printf("%-28s %6d letter%s%n", topic.name(), all.size(), all.size() == 1 ? "" : "s");
            Map<String, Integer> byCause = new TreeMap<>();
            all.forEach(l -> byCause.merge(l.consumer() + ": " + cut(l.reason(), 90), 1, Integer::sum));
            byCause.forEach((cause, n) -> out.printf("  %6d  %s%n", n, cause));
        }
        return 0;
    }

    private int list(DeadLetters letters, List<String> args) {
        for (Letter l : selected(letters, args)) {
            out.printf("  %-34s %s  %-16s ce_id %-36s %s  <- %s%n", l.position(), l.time(), l.consumer(), l.ceId(),
                    cut(l.reason(), 100), l.originalPosition());
        }
        return 0;
    }

    private int show(DeadLetters letters, List<String> args) {
        for (Letter l : selected(letters, args)) {
            out.println();
            out.printf("%s at %s%n", l.position(), l.time());
            out.printf("  reason    %s%n", l.reason());
            out.printf("  consumer  %s, original %s%n", l.consumer(), l.originalPosition());
            for (Header header : l.headers()) {
                out.printf("  header    %s: %s%n", header.key(),
                        header.value() == null ? "(null)" : Letter.printable(header.value(), 300));
            }
            out.printf("  key       %s%n", l.keyText());
            out.printf("  value     %s%n", l.valueText(4000));
        }
        return 0;
    }

    /** The letters that {@code list} and {@code show} print, after a line saying how many and which. */
    private List<Letter> selected(DeadLetters letters, List<String> args) {
        String topic = deadLetterTopic(args.remove(0));
        Selection selection = selection(args, false);
        List<Letter> found = letters.read(topic, selection.filter(), selection.limit());
        out.printf("%s: %d letter%s%s%n", topic, found.size(), found.size() == 1 ? "" : "s", selection.describe());
        return found;
    }

    private int replay(DeadLetters letters, List<String> args) {
        String topic = deadLetterTopic(args.remove(0));
        boolean dryRun = args.remove("--dry-run");
        Selection selection = selection(args, true);
        List<Letter> chosen = letters.read(topic, selection.filter(), selection.limit());
        if (chosen.isEmpty()) {
            out.printf("%s: no letter%s; nothing replayed.%n", topic, selection.describe());
            return 1;
        }
        if (dryRun) {
            out.printf("%s: would replay %d letter%s%s:%n", topic, chosen.size(), chosen.size() == 1 ? "" : "s",
                    selection.describe());
            chosen.forEach(l -> out.printf("  %s ce_id %s -> %s%n", l.position(), l.ceId(), l.originalTopic()));
            return 0;
        }
        List<DeadLetters.Replayed> replayed = letters.replay(chosen);
        for (DeadLetters.Replayed r : replayed) {
            out.printf("  %s ce_id %s -> %s-%d@%d%n", r.letter().position(), r.letter().ceId(), r.topic(), r.partition(),
                    r.offset());
        }
        out.printf("Replayed %d of %d letter%s from %s%s (a record dead-lettered by several consumers goes back"
                + " once). The letters stay on %s.%n", replayed.size(), chosen.size(), chosen.size() == 1 ? "" : "s",
                topic, selection.describe(), topic);
        return 0;
    }

    /** Accepts a topic or its dead-letter topic; refuses names the contract does not know. */
    String deadLetterTopic(String name) {
        TopicSpec spec = catalog.topics().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("dlq: no topic '" + name + "' in infra/contracts/topics.yaml"));
        if (spec.isDeadLetterTopic()) {
            return spec.name();
        }
        if (spec.dlq() == null) {
            throw new UsageException("dlq: " + name + " has no dead-letter topic");
        }
        return spec.dlq();
    }

    record Selection(LetterFilter filter, int limit) {
        String describe() {
            List<String> parts = new ArrayList<>();
            if (filter.from() != null) {
                parts.add("from " + filter.from());
            }
            if (filter.to() != null) {
                parts.add("to " + filter.to());
            }
            if (!filter.ids().isEmpty()) {
                parts.add("ce_id " + String.join(",", filter.ids()));
            }
            if (filter.consumer() != null) {
                parts.add("consumer " + filter.consumer());
            }
            if (limit > 0) {
                parts.add("at most " + limit);
            }
            return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        }
    }

    static Selection selection(List<String> args, boolean replay) {
        Instant from = null;
        Instant to = null;
        Set<String> ids = new LinkedHashSet<>();
        String consumer = null;
        int limit = 0;
        boolean all = false;
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            if (option.equals("--all")) {
                all = true;
                continue;
            }
            String value = valueOf(option, rest);
            switch (option) {
                case "--from" -> from = time(option, value);
                case "--to" -> to = time(option, value);
                case "--id" -> List.of(value.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
                case "--consumer" -> consumer = value;
                case "--limit" -> limit = positive(option, value);
                default -> throw new UsageException("dlq: unknown option '" + option + "'");
            }
        }
        LetterFilter filter = new LetterFilter(from, to, Set.copyOf(ids), consumer);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UsageException("dlq: --from must be before --to");
        }
        if (replay && filter.isEmpty() && !all) {
            throw new UsageException("dlq replay needs --all or a filter (--from, --to, --id, --consumer):"
                    + " look first with `dlq list <topic>`");
        }
        if (all && !filter.isEmpty()) {
            throw new UsageException("dlq: --all and a filter exclude each other");
        }
        return new Selection(filter, limit);
    }

    static Instant time(String option, String value) {
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration d = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Instant.now().minus(d);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("dlq: " + option + " takes an instant (2026-12-01T10:00:00Z) or a time ago (30m, 2h,"
                    + " 1d), not '" + value + "'");
        }
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("dlq: " + option + " takes a positive whole number, not '" + value + "'");
        }
    }

    private static String valueOf(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new UsageException("dlq: " + option + " needs a value");
        }
        return rest.remove(0);
    }

    private static Map<String, Object> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UsageException("dlq: cannot read --command-config " + file + ": " + e.getMessage());
        }
        Map<String, Object> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
