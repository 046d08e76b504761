package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Promise 6 of docs/reliability.md, long suite only: 15 minutes of steady traffic (views, page reads, comments through
 * the gateway), sampling every minute each service's live heap (after a full GC asked for with {@code jcmd GC.run},
 * then {@code /actuator/metrics/jvm.memory.used?tag=area:heap}) and the RSS of every process ({@code VmRSS} of {@code
 * /proc/<pid>/status}). After a 3-minute warm-up, neither may keep growing: the last three samples stay within 25 %
 * (+16 MiB) of the first three for heap, 20 % (+64 MiB) for RSS. No request may fail.
 */
@Order(6)
@EnabledIfSystemProperty(named = "news.system.suite", matches = "long")
class SoakTest extends SharedStackTest {

    static final Duration SOAK = Duration.ofMinutes(15);
    static final Duration EVERY = Duration.ofMinutes(1);
    static final int WARM_UP_SAMPLES = 3;

    /** One sample of one process: minute, live heap in MiB (-1: not a service), RSS in MiB. */
    record Sample(int minute, double heapMib, double rssMib) {
    }

    @Test
    void heapAndRssDoNotGrowWithoutBoundOverFifteenMinutesOfTraffic() throws Exception {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            articles.add(Newsroom.publish(stack, "Soak article " + i, Newsroom.SECTIONS.get(i)));
        }
        Newsroom.awaitCommentable(stack, articles.get(0));
        Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Traffic>> traffic = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int client = c;
            traffic.add(pool.submit(() -> paced(running, 50, new Traffic("views", 202), (t, n) -> t.add(Api.post(
                    stack.api("/api/articles/" + articles.get(n % articles.size()) + "/views"),
                    Map.of("readerId", "soak-" + client + "-" + n), null)))));
        }
        for (int c = 0; c < 2; c++) {
            int client = c;
            traffic.add(pool.submit(() -> paced(running, 25, new Traffic("pages", 200), (t, n) -> t.add(Api.get(
                    stack.api(n % 3 == 0 ? "/api/pages/home" : "/api/pages/article/" + articles.get((n + client) % articles.size())))))));
        }
        traffic.add(pool.submit(() -> paced(running, 1, new Traffic("comments", 201), (t, n) -> t.add(
                Newsroom.comment(stack, articles.get(n % articles.size()), "soak-writer-" + n % 7, "Soak comment " + n)))));

        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        int[] minute = {0};
        long started = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> {
            try {
                sample(minute[0]++, samples);
            } catch (RuntimeException e) {
                failures.add("sampling: " + e);
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        int wanted = (int) (SOAK.toMinutes() / EVERY.toMinutes()) + 1;
        try {
            await("a " + SOAK.toMinutes() + "-minute soak").atMost(SOAK.plusMinutes(3)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> samples.getOrDefault("gateway", List.of()).size() >= wanted || !failures.isEmpty());
        } finally {
            sampler.shutdownNow();
            running.set(false);
            pool.shutdown();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> growing = new ArrayList<>();
        for (var entry : samples.entrySet()) {
            List<Sample> all = entry.getValue();
            List<Sample> steady = all.subList(Math.min(WARM_UP_SAMPLES, all.size()), all.size());
            assertThat(steady).as(entry.getKey() + " samples").hasSizeGreaterThanOrEqualTo(6);
            double heapFirst = steady.subList(0, 3).stream().mapToDouble(Sample::heapMib).max().orElse(0);
            double heapLast = steady.subList(steady.size() - 3, steady.size()).stream().mapToDouble(Sample::heapMib).max().orElse(0);
            double rssFirst = steady.subList(0, 3).stream().mapToDouble(Sample::rssMib).max().orElse(0);
            double rssLast = steady.subList(steady.size() - 3, steady.size()).stream().mapToDouble(Sample::rssMib).max().orElse(0);
            Figures.record("soak", entry.getKey() + " live heap MiB per minute", all.stream()
                    .map(s -> "%.0f".formatted(s.heapMib())).toList());
            Figures.record("soak", entry.getKey() + " RSS MiB per minute", all.stream()
                    .map(s -> "%.0f".formatted(s.rssMib())).toList());
            if (heapFirst >= 0 && heapLast > heapFirst * 1.25 + 16) {
                growing.add("%s heap %.0f -> %.0f MiB".formatted(entry.getKey(), heapFirst, heapLast));
            }
            if (rssLast > rssFirst * 1.20 + 64) {
                growing.add("%s RSS %.0f -> %.0f MiB".formatted(entry.getKey(), rssFirst, rssLast));
            }
        }
        Traffic total = new Traffic("all", 0);
        for (Future<Traffic> f : traffic) {
            Traffic t = f.get(1, TimeUnit.MINUTES);
            Figures.record("soak", "traffic", t.summary(took));
            if (t.errors() > 0) {
                failures.add(t.summary(took));
            }
        }
        assertThat(failures).as("failed requests or samples").isEmpty();
        assertThat(growing).as("memory that keeps growing after the warm-up").isEmpty();
    }

    private interface Step {
        void run(Traffic traffic, int n);
    }

    private static Traffic paced(AtomicBoolean running, int perSecond, Traffic traffic, Step step) throws Exception {
        return Api.with(Api.newClient(), () -> pacedOnThisClient(running, perSecond, traffic, step));
    }

    private static Traffic pacedOnThisClient(AtomicBoolean running, int perSecond, Traffic traffic, Step step) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        for (int n = 0; running.get(); n++) {
            step.run(traffic, n);
            next += interval;
            while (System.nanoTime() < next && running.get()) {
                LockSupport.parkNanos(Math.min(next - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
        return traffic;
    }

    private static void sample(int minute, Map<String, List<Sample>> samples) {
        Map<String, Long> pids = new LinkedHashMap<>();
        stack.services().forEach(s -> pids.put(s.name, s.pid()));
        pids.put("kafka", stack.kafka().process().pid());
        for (var entry : pids.entrySet()) {
            double heap = -1;
            SystemStack.Service service = stack.services().stream().filter(s -> s.name.equals(entry.getKey()))
                    .findFirst().orElse(null);
            if (service != null) {
                fullGc(entry.getValue());
                Api.Answer answer = Api.get(service.managementUrl("/actuator/metrics/jvm.memory.used?tag=area:heap"));
                heap = answer.json().path("measurements").get(0).path("value").asDouble() / (1024 * 1024);
            }
            samples.computeIfAbsent(entry.getKey(), k -> new CopyOnWriteArrayList<>())
                    .add(new Sample(minute, heap, rssMib(entry.getValue())));
        }
    }

    private static void fullGc(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + pid + " GC.run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no /proc/" + pid + "/status: " + e, e);
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
