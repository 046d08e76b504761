package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Promise 6 of docs/reliability.md: a bounded burst against the local stack, through the gateway and only to 127.0.0.1:
 * as many views as 16 concurrent clients get answered (the highest rate this machine sustains with everything on its
 * two cores) plus page reads from 8 more, for 20 s (long suite: 60 s). No errors; every accepted view reaches Popular
 * Now (exact counts, none dropped); ranking-service's consumer lag drains; p50/p99 recorded.
 */
@Order(5)
class LoadTest extends SharedStackTest {

    static final int VIEW_CLIENTS = 16;
    static final int PAGE_CLIENTS = 8;

    @Test
    void aBurstOfViewsAndPageReadsHasNoErrorsAndEveryAcceptedViewIsCounted() throws Exception {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            articles.add(Newsroom.publish(stack, "Load article " + i, Newsroom.SECTIONS.get(i % Newsroom.SECTIONS.size())));
        }
        Newsroom.awaitCommentable(stack, articles.get(0));
        double droppedBefore = Metrics.of(stack.article()).sum("news_views_dropped_total");
        Duration burst = Duration.ofSeconds(Suite.pick(20, 60));
        AtomicLongArray accepted = new AtomicLongArray(articles.size());

        // the same traffic for a while first: JIT compilation of a freshly started gateway on two busy cores
        // otherwise dominates the figures (a production instance is warm)
        AtomicLongArray ignored = new AtomicLongArray(articles.size());
        AtomicLongArray unanswered = new AtomicLongArray(articles.size());
        burst(articles, Duration.ofSeconds(Suite.pick(10, 20)), ignored, unanswered, "warm-up");
        long start = System.nanoTime();
        Traffic[] traffic = burst(articles, burst, accepted, unanswered, "load");
        Traffic views = traffic[0];
        Traffic pages = traffic[1];
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        long ended = System.nanoTime();
        await("ranking-service's consumer lag drains").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> Kafka.lag(stack.bootstrapServers(), "ranking-service", Kafka.RANKING_INPUTS) == 0);
        Duration drained = Duration.ofNanos(System.nanoTime() - ended);
        // a view whose answer never came (client timeout) may or may not have been counted; every 202 must be
        Map<String, Long> atLeast = new TreeMap<>();
        Map<String, Long> atMost = new TreeMap<>();
        for (int i = 0; i < articles.size(); i++) {
            atLeast.put(articles.get(i), accepted.get(i) + ignored.get(i));
            atMost.put(articles.get(i), accepted.get(i) + ignored.get(i) + unanswered.get(i));
        }
        Map<String, Long> counted = new TreeMap<>();
        await("every accepted view is in Popular Now").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    counted.clear();
                    Newsroom.popularScores(Newsroom.list(stack.api(""), "popular-now", "all", 50).json())
                            .forEach((id, score) -> {
                                if (atLeast.containsKey(id)) {
                                    counted.put(id, score);
                                }
                            });
                    assertThat(counted.keySet()).isEqualTo(atLeast.keySet());
                    counted.forEach((id, score) -> assertThat(score).as("views of %s", id)
                            .isBetween(atLeast.get(id), atMost.get(id)));
                });
        Duration visible = Duration.ofNanos(System.nanoTime() - ended);
        double dropped = Metrics.of(stack.article()).sum("news_views_dropped_total") - droppedBefore;

        Figures.record("load", "burst (through the gateway, 127.0.0.1 only)", "%d s after a warm-up, %d view clients, %d page clients"
                .formatted(burst.toSeconds(), VIEW_CLIENTS, PAGE_CLIENTS));
        Figures.record("load", "views", views.summary(took));
        Figures.record("load", "page reads", pages.summary(took));
        Figures.record("load", "ranking lag drained / all accepted views visible, after the burst",
                "%.1f s / %.1f s".formatted(drained.toMillis() / 1000.0, visible.toMillis() / 1000.0));
        Figures.record("load", "views dropped by article-service", (long) dropped);
        Figures.record("load", "errors (views, pages)", views.errors() + ", " + pages.errors());
        assertThat(views.errors()).as(views.summary(took) + " " + views.failures()).isZero();
        assertThat(pages.errors()).as(pages.summary(took) + " " + pages.failures()).isZero();
        assertThat(dropped).as("views accepted but never sent").isZero();
    }

    /** Closed-loop clients until the time is up: views (each a new reader) and page reads. */
    private static Traffic[] burst(List<String> articles, Duration length, AtomicLongArray accepted,
                                   AtomicLongArray unanswered, String readerPrefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(VIEW_CLIENTS + PAGE_CLIENTS);
        long deadline = System.nanoTime() + length.toNanos();
        List<Future<Traffic>> results = new ArrayList<>();
        for (int c = 0; c < VIEW_CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> Api.with(Api.newClient(), () -> {
                Traffic views = new Traffic("views", 202);
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    int a = (client + n) % articles.size();
                    Api.Answer answer = Api.post(stack.api("/api/articles/" + articles.get(a) + "/views"),
                            Map.of("readerId", readerPrefix + "-" + client + "-" + n), null);
                    views.add(answer);
                    if (answer.status() == 202) {
                        accepted.incrementAndGet(a);
                    } else if (answer.status() < 0) {
                        unanswered.incrementAndGet(a);
                    }
                }
                return views;
            })));
        }
        for (int c = 0; c < PAGE_CLIENTS; c++) {
            int client = c;
            results.add(pool.submit(() -> Api.with(Api.newClient(), () -> {
                Traffic pages = new Traffic("pages", 200);
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    String path = n % 4 == 3 ? "/api/pages/home"
                            : "/api/pages/article/" + articles.get((client + n) % articles.size());
                    pages.add(Api.get(stack.api(path)));
                }
                return pages;
            })));
        }
        Traffic views = new Traffic("views", 202);
        Traffic pages = new Traffic("pages", 200);
        for (Future<Traffic> f : results) {
            Traffic t = f.get(length.toSeconds() + 60, TimeUnit.SECONDS);
            (t.kind().equals("views") ? views : pages).addAll(t);
        }
        pool.shutdown();
        return new Traffic[] {views, pages};
    }
}
