package news.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.gateway.GatewayProperties;
import news.gateway.support.Events;
import news.gateway.support.TestArticle;
import news.kit.cloudevents.CloudEvent;
import news.testsupport.TestInfrastructure;

/**
 * The read models on the real broker: built from the beginning of both topics, idempotent (highest version per
 * article, newest list per key, a redelivered ce_id changes nothing), not ready until caught up with the end offsets
 * seen at start, and undisturbed by records they cannot read.
 */
class ReadModelFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Events events = new Events();
    private final List<ReadModelFeed> feeds = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ArticleCatalog catalog = new ArticleCatalog();
    private final Rankings rankings = new Rankings();
    private final ArticleChanges changes = new ArticleChanges(Duration.ofMinutes(5), 1000);

    @AfterEach
    void stop() {
        feeds.forEach(ReadModelFeed::stop);
        events.close();
    }

    @Test
    void anOlderVersionOrARedeliveredEventChangesNothing() {
        ReadModelFeed feed = started(TestInfrastructure.kafkaBootstrapServers());
        TestArticle article = TestArticle.published("Navy", "Second title").withVersion(2);
        String eventId = events.article(article);
        await().atMost(WAIT).until(() -> version(article) == 2);

        events.article(article.withVersion(1).retitled("First title").withVersion(1));
        events.again(Events.ARTICLE_EVENTS, new CloudEvent(eventId, "news.article.updated", "/article-service",
                article.id(), Instant.now(), article.retitled("Same ce_id, other content").withVersion(9).snapshotJson(),
                null));
        awaitApplied(feed);

        assertThat(catalog.find(article.id()).orElseThrow().title()).isEqualTo("Second title");
        assertThat(version(article)).isEqualTo(2);
        assertThat(meters.counter("news.read_model.records", "topic", Events.ARTICLE_EVENTS, "outcome", "outdated")
                .count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter("news.read_model.records", "topic", Events.ARTICLE_EVENTS, "outcome", "duplicate")
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void articleAndCommentEventsTellWhichArticlesChangedAndOnlyThoseComingAfterTheStart() {
        TestArticle commentedBefore = TestArticle.published("Army", "Commented before the gateway started");
        events.commentPosted(commentedBefore.id(), "An old comment");
        long before = changes.now();
        ReadModelFeed feed = started(TestInfrastructure.kafkaBootstrapServers());
        await().atMost(WAIT).until(feed::caughtUp);
        TestArticle article = TestArticle.published("Navy", "Changed twice");
        TestArticle untouched = TestArticle.published("Navy", "Never commented");
        events.article(untouched);

        events.article(article);
        await().atMost(WAIT).until(() -> changes.articleChangedAt(article.id()) - before > 0);
        assertThat(changes.commentsChangedAt(article.id())).as("an article event is not a comment")
                .isEqualTo(changes.commentsChangedAt(untouched.id()));
        long afterArticle = changes.now();
        events.commentPosted(article.id(), "First!");

        await().atMost(WAIT).until(() -> changes.commentsChangedAt(article.id()) - afterArticle > 0);
        awaitApplied(feed);
        assertThat(changes.commentsChangedAt(commentedBefore.id())).as("history of news.comment-events is not read")
                .isEqualTo(changes.commentsChangedAt(untouched.id()));
        assertThat(changes.commentsChangedAt(untouched.id()) - before).isNegative();
        assertThat(meters.counter("news.read_model.records", "topic", Events.COMMENT_EVENTS, "outcome", "applied")
                .count()).isEqualTo(1);
    }

    @Test
    void aCommentEventWithoutAnArticleKeyIsRejectedAndChangesNothing() {
        ReadModelFeed feed = started(TestInfrastructure.kafkaBootstrapServers());
        await().atMost(WAIT).until(feed::caughtUp);
        long before = changes.now();

        events.raw(Events.COMMENT_EVENTS, "not an id!", "{}", Map.of("ce_type", "news.comment.posted"));
        events.raw(Events.COMMENT_EVENTS, "AnArticle", "{}", Map.of("ce_type", "news.article.published"));
        await().atMost(WAIT).until(() -> meters.counter("news.read_model.records", "topic", Events.COMMENT_EVENTS,
                "outcome", "rejected").count() == 2);

        assertThat(changes.commentsChangedAt("AnArticle") - before).isNegative();
        assertThat(feed.caughtUp()).isTrue();
    }

    @Test
    void anUnpublishedArticleLeavesTheNewestListsButIsKnownUnpublished() {
        started(TestInfrastructure.kafkaBootstrapServers());
        TestArticle article = TestArticle.published("Air Force", "Soon withdrawn");
        events.article(article);
        await().atMost(WAIT).until(() -> newestIds("Air Force").contains(article.id()));

        events.article(article.unpublished());

        await().atMost(WAIT).until(() -> catalog.presence(article.id()) == ArticleCatalog.Presence.UNPUBLISHED);
        assertThat(newestIds("Air Force")).doesNotContain(article.id());
        assertThat(catalog.newest(Optional.empty(), 1000, id -> false)).noneMatch(h -> h.id().equals(article.id()));
    }

    @Test
    void aRankingListIsReplacedByANewerOneOnlyAndARedeliveryChangesNothing() {
        ReadModelFeed feed = started(TestInfrastructure.kafkaBootstrapServers());
        TestArticle first = TestArticle.published("Army", "Ranked first");
        TestArticle second = TestArticle.published("Army", "Ranked second");
        Instant now = Instant.now();
        String eventId = events.ranking(Rankings.POPULAR_NOW, "Army", now, List.of(first, second));
        await().atMost(WAIT).until(() -> rankings.list(Rankings.POPULAR_NOW, "Army")
                .map(r -> r.computedAt().equals(now)).orElse(false));

        events.ranking(Rankings.POPULAR_NOW, "Army", now.minusSeconds(60), List.of(second));
        events.again(Events.RANKINGS, new CloudEvent(eventId, "news.ranking.updated", "/ranking-service",
                "popular-now|Army", Instant.now(), "{\"list\":\"popular-now\",\"section\":\"Army\",\"window\":\"PT60M\","
                + "\"computedAt\":\"" + now.plusSeconds(60) + "\",\"entries\":[]}", null));
        awaitApplied(feed);

        RankingList list = rankings.list(Rankings.POPULAR_NOW, "army").orElseThrow();
        assertThat(list.computedAt()).isEqualTo(now);
        assertThat(list.entries()).extracting(RankingList.Entry::articleId).containsExactly(first.id(), second.id());
    }

    @Test
    void theAgeOfTheNewestRankingListIsAGaugeThatAnOlderListDoesNotMoveBack() {
        feed("127.0.0.1:1");
        Gauge age = meters.get("news.read_model.rankings.age").gauge();
        assertThat(age.value()).as("before any list").isNaN();

        Instant now = Instant.now();
        rankings.apply(new RankingList(Rankings.POPULAR_NOW, "Army", "PT60M", now.minusSeconds(300), List.of()));
        assertThat(age.value()).isCloseTo(300, within(5.0));
        rankings.apply(new RankingList(Rankings.MUST_READS, "Navy", "P7D", now.minusSeconds(10), List.of()));
        assertThat(age.value()).isCloseTo(10, within(5.0));
        rankings.apply(new RankingList(Rankings.MUST_READS, "Army", "P7D", now.minusSeconds(600), List.of()));
        assertThat(age.value()).as("a list computed earlier than the newest").isCloseTo(10, within(5.0));
    }

    @Test
    void readinessIsDownUntilEverythingPublishedBeforeStartIsInTheModels() {
        List<TestArticle> before = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            TestArticle article = TestArticle.published("North Korea", "Backlog " + i);
            before.add(article);
            events.article(article);
        }
        ReadModelFeed feed = feed(TestInfrastructure.kafkaBootstrapServers());
        ReadModelsHealthIndicator health = new ReadModelsHealthIndicator(feed, catalog, rankings);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        feed.start();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> health.health().getStatus() == Status.UP);

        assertThat(before).allMatch(a -> catalog.find(a.id()).isPresent());
        assertThat(health.health().getDetails()).containsKeys("articles", "publishedArticles", "rankingLists");
    }

    @Test
    void readinessStaysDownWhileTheBrokerCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReadModelFeed feed = started("127.0.0.1:" + closedPort);
        ReadModelsHealthIndicator health = new ReadModelsHealthIndicator(feed, catalog, rankings);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> health.health().getStatus() == Status.DOWN);
        assertThat(feed.caughtUp()).isFalse();
    }

    @Test
    void recordsItCannotReadAreSkippedAndCountedAndTheFeedGoesOn() {
        ReadModelFeed feed = started(TestInfrastructure.kafkaBootstrapServers());
        events.raw(Events.ARTICLE_EVENTS, "broken", "{not json", Map.of("ce_id", "broken-1", "ce_type",
                "news.article.published"));
        events.raw(Events.ARTICLE_EVENTS, "broken", "{\"articleId\":\"broken\"}", Map.of("ce_id", "broken-2",
                "ce_type", "news.article.published"));
        events.raw(Events.RANKINGS, "popular-now|all", "[]", Map.of("ce_id", "broken-3", "ce_type",
                "news.ranking.updated"));
        TestArticle after = TestArticle.published("Policy", "After the broken ones");
        events.article(after);

        await().atMost(WAIT).until(() -> catalog.find(after.id()).isPresent());
        assertThat(catalog.find("broken")).isEmpty();
        assertThat(meters.counter("news.read_model.records", "topic", Events.ARTICLE_EVENTS, "outcome", "rejected")
                .count()).isGreaterThanOrEqualTo(2);
        await().atMost(WAIT).until(feed::caughtUp);
    }

    private ReadModelFeed started(String bootstrapServers) {
        ReadModelFeed feed = feed(bootstrapServers);
        feed.start();
        return feed;
    }

    @org.junit.jupiter.api.Test
    void theSharedKafkaClientSettingsReachTheConsumerSoProductionSecurityApplies() {
        // spring.kafka.properties.* (SASL_SSL in production) must shape the read models' consumer too: told to speak
        // SSL to this plaintext broker, it can never catch up, which proves the setting reached it
        ReadModelFeed feed = feed(news.testsupport.TestInfrastructure.kafkaBootstrapServers(),
                java.util.Map.of("security.protocol", "SSL"));
        feed.start();

        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(4)).atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !feed.caughtUp());
    }

    private ReadModelFeed feed(String bootstrapServers) {
        return feed(bootstrapServers, java.util.Map.of());
    }

    private ReadModelFeed feed(String bootstrapServers, java.util.Map<String, String> clientProperties) {
        ReadModelFeed feed = new ReadModelFeed(new GatewayProperties.ReadModels(bootstrapServers,
                Events.ARTICLE_EVENTS, Events.RANKINGS, Events.COMMENT_EVENTS, 1000), clientProperties, catalog,
                rankings, changes, meters);
        feeds.add(feed);
        return feed;
    }

    /** Waits until a marker article sent after the records under test is in: the feed has read them all. */
    private void awaitApplied(ReadModelFeed feed) {
        TestArticle marker = TestArticle.published("Views", "Marker");
        events.article(marker);
        await().atMost(WAIT).until(() -> catalog.find(marker.id()).isPresent());
        await().atMost(WAIT).until(feed::caughtUp);
    }

    private long version(TestArticle article) {
        return catalog.find(article.id()).map(ArticleSnapshot::version).orElse(0L);
    }

    private List<String> newestIds(String section) {
        return catalog.newest(Optional.of(section), 1000, id -> false).stream().map(Headline::id).toList();
    }
}
