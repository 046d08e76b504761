package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;
import news.testsupport.TopicProbe;

/**
 * One environment variable per topic ({@code NEWS_TOPIC_<NAME>}) renames it for the whole platform: a second set of
 * the four services, started with every topic renamed (and stores, groups and application id of their own), does
 * everything a reader and an editor do (publish, comment, view, the ranked list, the article page) through the
 * renamed topics only, and nothing of it reaches the contract's topic names.
 */
@Order(7)
class RenamedTopicsTest {

    @Test
    void oneVariablePerTopicMovesEveryServiceToTheRenamedTopicsAndNothingReachesTheOldNames() throws Exception {
        SystemStack stack = SystemStack.shared();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String prefix = "renamed-" + run + ".";
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec topic : TopicCatalog.load().topics()) {
            if (topic.isDeadLetterTopic()) {
                continue;
            }
            renamed.put(topic.name(), prefix + topic.name());
            variables.put(topic.renameVariable(), prefix + topic.name());
            topics.add(new NewTopic(prefix + topic.name(), topic.partitions(), (short) 1).configs(topic.config()));
            if (topic.dlq() != null) {
                topics.add(new NewTopic(prefix + topic.name() + ".dlq", topic.partitions(), (short) 1));
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }

        List<SystemStack.Service> started = new ArrayList<>();
        try {
            SystemStack.Service article = stack.startExtra("article-service", "article-renamed", with(variables,
                    "SPRING_MONGODB_DATABASE", "renamed_articles_" + run));
            SystemStack.Service comment = stack.startExtra("comment-service", "comment-renamed", with(variables,
                    "SPRING_MONGODB_DATABASE", "renamed_comments_" + run,
                    "NEWS_COMMENTS_ARTICLE_EVENTS_GROUP", "comment-renamed-" + run));
            SystemStack.Service ranking = stack.startExtra("ranking-service", "ranking-renamed", with(variables,
                    "NEWS_RANKING_APPLICATION_ID", "ranking-renamed-" + run,
                    "NEWS_RANKING_STATE_DIR", stack.run.resolve("ranking-renamed").toString()));
            started.addAll(List.of(article, comment, ranking));
            stack.awaitReady(article, comment, ranking);
            SystemStack.Service gateway = stack.startExtra("gateway", "gateway-renamed", with(variables,
                    "ARTICLE_SERVICE_URL", article.url(""), "COMMENT_SERVICE_URL", comment.url(""),
                    "RANKING_SERVICE_URL", ranking.url("")));
            started.add(gateway);
            stack.awaitReady(gateway);

            // an editor publishes through the renamed platform
            String id = Newsroom.create(gateway.url(""), "Renamed topics carry this article", "Navy", true)
                    .path("id").asString();

            // comment-service learns it from the renamed article topic: a reader's comment is accepted
            await("comment-service of the renamed platform knows the article").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(() -> Newsroom.comment(gateway.url(""), id,
                            "renamed-reader", "Seen on the renamed topics").status() == 201);
            // a view is counted by ranking-service from the renamed views topic and reaches the list
            assertThat(Api.post(gateway.url("/api/articles/" + id + "/views"), Map.of("readerId", "renamed-viewer"), null)
                    .status()).isEqualTo(202);
            await("the view is in Popular Now of the renamed platform").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        Api.Answer list = Newsroom.list(gateway.url(""), "popular-now", "all", 50);
                        assertThat(list.status()).isEqualTo(200);
                        assertThat(Newsroom.popularScores(list.json())).containsKey(id);
                    });
            // the gateway's read models follow the renamed article and ranking topics: the page shows it, listed
            await("the renamed gateway's article page").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(Api.get(gateway.url("/api/pages/article/" + id)).status()).isEqualTo(200));

            for (String topic : List.of(Kafka.ARTICLE_EVENTS, Kafka.VIEWS, Kafka.COMMENTS)) {
                try (TopicProbe probe = TopicProbe.fromBeginning(stack.bootstrapServers(), renamed.get(topic))) {
                    probe.await(TopicProbe.withKey(id), 1);
                }
                try (TopicProbe probe = TopicProbe.fromBeginning(stack.bootstrapServers(), topic)) {
                    probe.assertNone(TopicProbe.withKey(id), Duration.ofSeconds(2));
                }
            }
            try (TopicProbe probe = TopicProbe.fromBeginning(stack.bootstrapServers(), renamed.get(Kafka.RANKINGS))) {
                probe.await(r -> r.value() != null && TopicProbe.value(r).contains(id), 1);
            }
            try (TopicProbe probe = TopicProbe.fromBeginning(stack.bootstrapServers(), Kafka.RANKINGS)) {
                probe.assertNone(r -> r.value() != null && TopicProbe.value(r).contains(id), Duration.ofSeconds(2));
            }
            Figures.record("renamed topics", "services started with every topic renamed by its variable", 4);
        } finally {
            started.forEach(SystemStack.Service::stop);
        }
    }

    private static Map<String, String> with(Map<String, String> variables, String... more) {
        Map<String, String> env = new LinkedHashMap<>(variables);
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }
}
