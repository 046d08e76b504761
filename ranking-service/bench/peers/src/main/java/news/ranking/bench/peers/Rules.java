package news.ranking.bench.peers;

import java.time.Duration;

/** Popular Now as ranking-service computes it by default: the peers compute the same thing. */
final class Rules {

    static final long WINDOW = Duration.ofMinutes(60).toMillis();
    static final long REPEAT_INTERVAL = Duration.ofMinutes(30).toMillis();
    static final int TOP = 50;
    static final String ALL = "all";
    static final String LIST = "popular-now|";
    static final String VIEWS_TOPIC = "news.article-views";

    private Rules() {
    }
}
