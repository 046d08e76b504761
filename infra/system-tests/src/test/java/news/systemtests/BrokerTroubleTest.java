package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import news.testsupport.CloudEventAssertions;
import news.testsupport.NewArticle;
import news.testsupport.TestHttp;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * Promise 2 of docs/reliability.md: the broker frozen with SIGSTOP and thawed, then stopped and restarted (and, in the
 * long suite, also SIGKILLed), while editors change articles and readers comment and view through the gateway. Every
 * HTTP write is answered within 5 s, without a 5xx; once the broker is back every accepted write's event is on its
 * topic under exactly one {@code ce_id}, and each article's events come in the order of their versions; the platform
 * then processes new events again.
 */
@Order(2)
class BrokerTroubleTest extends SharedStackTest {

    static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);

    /** One HTTP write and what it got. */
    record Write(String kind, String article, int status, long millis, long version, String commentId, String phase) {
    }

    @Test
    void writesAreAnsweredWithinFiveSecondsAndEveryAcceptedWriteIsPublishedOnceAndInOrder() throws Exception {
        List<String> articles = new ArrayList<>();
        Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
        for (int i = 0; i < 4; i++) {
            JsonNode created = Newsroom.create(stack, "Broker trouble article " + i, Newsroom.SECTIONS.get(i + 1), true);
            articles.add(created.path("id").asString());
            versions.put(created.path("id").asString(), new AtomicLong(created.path("version").asLong()));
        }
        articles.forEach(a -> Newsroom.awaitCommentable(stack, a));
        String afterwards = Newsroom.publish(stack, "Broker trouble: views after the restart", "Navy");

        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<String> phase = new AtomicReference<>("before");
        List<String> faults = new ArrayList<>();
        try (TopicProbe articleEvents = TopicProbe.tail(stack.bootstrapServers(), Kafka.ARTICLE_EVENTS);
             TopicProbe commentEvents = TopicProbe.tail(stack.bootstrapServers(), Kafka.COMMENTS)) {
            ExecutorService pool = Executors.newFixedThreadPool(articles.size() + 3);
            for (String article : articles) {
                pool.submit(() -> paced(running, 8, n -> writes.add(editArticle(article, versions.get(article), n, phase.get()))));
            }
            for (int w = 0; w < 2; w++) {
                int writer = w;
                pool.submit(() -> paced(running, 10, n -> writes.add(comment(articles.get(n % articles.size()),
                        "broker-writer-" + writer, n, phase.get()))));
            }
            pool.submit(() -> paced(running, 20, n -> writes.add(view(articles.get(n % articles.size()), n, phase.get()))));
            try {
                awaitWrites(writes, 60);
                phase.set("broker frozen");
                stack.kafka().process().freeze();
                faults.add("SIGSTOP");
                awaitWrites(writes, Suite.pick(500, 2500));
                stack.kafka().process().thaw();
                faults.add("SIGCONT after " + count(writes, "broker frozen") + " writes");
                phase.set("after thaw");
                awaitWrites(writes, 60);
                phase.set("broker stopped");
                stack.kafka().stop();
                faults.add("SIGTERM (graceful stop)");
                awaitWrites(writes, Suite.pick(500, 2500));
                stack.kafka().start(Duration.ofSeconds(120));
                faults.add("restart after " + count(writes, "broker stopped") + " writes");
                phase.set("after restart");
                awaitWrites(writes, 60);
                if (Suite.LONG) {
                    phase.set("broker killed");
                    stack.kafka().process().kill();
                    faults.add("SIGKILL");
                    awaitWrites(writes, 600);
                    stack.kafka().start(Duration.ofSeconds(180));
                    faults.add("restart after " + count(writes, "broker killed") + " writes");
                    phase.set("after second restart");
                    awaitWrites(writes, 60);
                }
            } finally {
                running.set(false);
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                stack.kafka().process().thaw();
            }

            List<Write> all = new ArrayList<>(writes);
            List<Write> slow = all.stream().filter(w -> w.millis() > ANSWER_LIMIT.toMillis()).toList();
            List<Write> failed = all.stream().filter(w -> w.status() >= 500 || w.status() < 0).toList();
            List<Write> refused = all.stream().filter(w -> w.status() >= 400 && w.status() < 500).toList();
            Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
            all.forEach(w -> byKind.computeIfAbsent(w.kind() + " (" + w.phase() + ")", k -> new TreeMap<>())
                    .merge(w.status(), 1, Integer::sum));
            Figures.record("broker trouble", "writes through the gateway by kind (phase) and status", byKind);
            Figures.record("broker trouble", "faults", String.join("; ", faults));
            long slowest = all.stream().mapToLong(Write::millis).max().orElse(0);
            Figures.record("broker trouble", "slowest answer", slowest + " ms");

            // every accepted article change is on news.article-events once, in version order per article
            Map<String, Set<Long>> acceptedVersions = new HashMap<>();
            all.stream().filter(w -> w.kind().equals("article") && w.status() == 200)
                    .forEach(w -> acceptedVersions.computeIfAbsent(w.article(), a -> new HashSet<>()).add(w.version()));
            Set<String> acceptedComments = new HashSet<>();
            all.stream().filter(w -> w.kind().equals("comment") && w.status() == 201)
                    .forEach(w -> acceptedComments.add(w.commentId()));
            Map<String, List<Long>> versionsInTopicOrder = new HashMap<>();
            Map<String, Set<String>> ceIdsOfVersion = new HashMap<>();
            Map<String, Set<String>> ceIdsOfComment = new HashMap<>();
            int[] redeliveries = new int[2];
            await("every accepted write's event arrives once the broker is back").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        articleEvents.await(r -> true, 0, Duration.ofSeconds(1));
                        commentEvents.await(r -> true, 0, Duration.ofSeconds(1));
                        versionsInTopicOrder.clear();
                        ceIdsOfVersion.clear();
                        ceIdsOfComment.clear();
                        redeliveries[0] = 0;
                        redeliveries[1] = 0;
                        Set<String> seenIds = new HashSet<>();
                        for (ConsumerRecord<String, byte[]> r : articleEvents.seen()) {
                            if (!articles.contains(r.key())) {
                                continue;
                            }
                            String ceId = TopicProbe.header(r, "ce_id");
                            long version = TestHttp.JSON.readTree(r.value()).path("version").asLong();
                            ceIdsOfVersion.computeIfAbsent(r.key() + "@" + version, k -> new HashSet<>()).add(ceId);
                            if (seenIds.add(ceId)) { // consumers drop a repeated ce_id
                                versionsInTopicOrder.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(version);
                            } else {
                                redeliveries[0]++;
                            }
                        }
                        for (ConsumerRecord<String, byte[]> r : commentEvents.seen()) {
                            if (articles.contains(r.key()) && "news.comment.posted".equals(TopicProbe.header(r, "ce_type"))) {
                                String commentId = TestHttp.JSON.readTree(r.value()).path("commentId").asString();
                                if (!ceIdsOfComment.computeIfAbsent(commentId, c -> new HashSet<>())
                                        .add(TopicProbe.header(r, "ce_id"))) {
                                    redeliveries[1]++;
                                }
                            }
                        }
                        for (var accepted : acceptedVersions.entrySet()) {
                            assertThat(versionsInTopicOrder.getOrDefault(accepted.getKey(), List.of()))
                                    .as("versions of %s on news.article-events", accepted.getKey())
                                    .containsAll(accepted.getValue());
                        }
                        assertThat(ceIdsOfComment.keySet()).as("accepted comments on news.comment-events")
                                .containsAll(acceptedComments);
                    });
            versionsInTopicOrder.forEach((article, order) -> assertThat(order)
                    .as("versions of %s in topic order", article).isSorted().doesNotHaveDuplicates());
            assertThat(ceIdsOfVersion.values()).as("one ce_id per article version")
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            assertThat(ceIdsOfComment.values()).as("one ce_id per comment").allSatisfy(ids -> assertThat(ids).hasSize(1));
            articleEvents.seen().stream().filter(r -> articles.contains(r.key())).limit(20)
                    .forEach(CloudEventAssertions::assertFollowsContract);
            int acceptedArticleWrites = acceptedVersions.values().stream().mapToInt(Set::size).sum();
            Figures.record("broker trouble", "accepted article writes / their events on the topic (distinct ce_ids)",
                    acceptedArticleWrites + " / " + ceIdsOfVersion.size());
            Figures.record("broker trouble", "accepted comments / their events (distinct ce_ids)",
                    acceptedComments.size() + " / " + ceIdsOfComment.size());
            Figures.record("broker trouble", "redelivered records with a repeated ce_id (article, comment)",
                    redeliveries[0] + ", " + redeliveries[1]);
            Figures.record("broker trouble", "lost / duplicated / out of order", "0 / 0 / 0");
            Figures.record("broker trouble", "views accepted but dropped by article-service (documented, counted)",
                    (long) Metrics.of(stack.article()).sum("news_views_dropped_total"));

            assertThat(slow).as("writes answered after more than %s", ANSWER_LIMIT).isEmpty();
            assertThat(failed).as("writes answered with a 5xx or not at all").isEmpty();
            assertThat(refused).as("writes refused").isEmpty();
        }

        // the platform works on: new views reach Popular Now after the restarts
        stack.awaitReady(stack.services().toArray(SystemStack.Service[]::new));
        for (int i = 0; i < 5; i++) {
            assertThat(Api.post(stack.api("/api/articles/" + afterwards + "/views"),
                    Map.of("readerId", "after-broker-" + i), null).status()).isEqualTo(202);
        }
        await("views after the broker's restart are counted").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Api.Answer list = Newsroom.list(stack.api(""), "popular-now", "Navy", 50);
                    assertThat(list.status()).isEqualTo(200);
                    assertThat(Newsroom.popularScores(list.json())).containsEntry(afterwards, 5L);
                });
    }

    // -------------------------------------------------------------------------------------------------------------

    interface Step {
        void run(int n);
    }

    private static Void paced(AtomicBoolean running, int perSecond, Step step) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int n = 0; running.get(); n++) {
            long due = System.nanoTime() + interval;
            step.run(n);
            while (System.nanoTime() < due && running.get()) {
                LockSupport.parkNanos(Math.min(due - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
        return null;
    }

    private static Write editArticle(String article, AtomicLong version, int n, String phase) {
        Api.Answer answer;
        String url = stack.api("/api/articles/" + article);
        if (n % 5 == 4) {
            answer = Api.put(url + "/editor-pick", Map.of("editorPick", n % 10 == 4), Newsroom.EDITOR,
                    "\"" + version.get() + "\"");
        } else {
            answer = Api.put(url, NewArticle.body("Broker trouble article, edit " + n, "Army"), Newsroom.EDITOR,
                    "\"" + version.get() + "\"");
        }
        long newVersion = -1;
        if (answer.status() == 200) {
            newVersion = answer.json().path("version").asLong();
            version.set(newVersion);
        } else {
            // find out where the article stands, so that the next write is not refused for a stale version
            Api.Answer current = Api.get(url, Newsroom.EDITOR);
            if (current.status() == 200) {
                version.set(current.json().path("version").asLong());
            }
        }
        return new Write("article", article, answer.status(), answer.took().toMillis(), newVersion, null, phase);
    }

    private static Write comment(String article, String author, int n, String phase) {
        Api.Answer answer = Newsroom.comment(stack, article, author, "Comment " + n + " while the broker has trouble");
        return new Write("comment", article, answer.status(), answer.took().toMillis(), -1,
                answer.status() == 201 ? answer.json().path("id").asString() : null, phase);
    }

    private static Write view(String article, int n, String phase) {
        Api.Answer answer = Api.post(stack.api("/api/articles/" + article + "/views"),
                Map.of("readerId", "broker-viewer-" + n), null);
        return new Write("view", article, answer.status() == 202 ? 202 : answer.status(), answer.took().toMillis(), -1,
                null, phase);
    }

    private static void awaitWrites(ConcurrentLinkedQueue<Write> writes, int more) {
        int target = writes.size() + more;
        await(more + " more writes answered").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> writes.size() >= target);
    }

    private static long count(ConcurrentLinkedQueue<Write> writes, String phase) {
        return writes.stream().filter(w -> w.phase().equals(phase)).count();
    }
}
