package news.gateway.readmodel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code readModels} in the readiness group: DOWN until the read models have caught up with the topics, so that a
 * fresh instance gets no traffic while its lists are still incomplete.
 */
public class ReadModelsHealthIndicator implements HealthIndicator {

    private final ReadModelFeed feed;
    private final ArticleCatalog catalog;
    private final Rankings rankings;

    public ReadModelsHealthIndicator(ReadModelFeed feed, ArticleCatalog catalog, Rankings rankings) {
        this.feed = feed;
        this.catalog = catalog;
        this.rankings = rankings;
    }

    @Override
    public Health health() {
        Health.Builder health = feed.caughtUp() ? Health.up() : Health.down();
        health.withDetail("articles", catalog.size())
                .withDetail("publishedArticles", catalog.publishedCount())
                .withDetail("rankingLists", rankings.size());
        if (!feed.caughtUp()) {
            health.withDetail("recordsToCatchUp", feed.remaining());
            if (feed.problem() != null) {
                health.withDetail("reason", feed.problem());
            }
        }
        return health.build();
    }
}
