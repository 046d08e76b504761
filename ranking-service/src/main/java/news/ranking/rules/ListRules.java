package news.ranking.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The parameters of DESIGN §5 that shape a list: its length, the windows it reports and the Must-Reads formula.
 */
public record ListRules(int maxSize, Duration popularNowWindow, Duration mustReadsWindow, Scoring scoring) {

    public ListRules {
        Objects.requireNonNull(popularNowWindow, "popularNowWindow");
        Objects.requireNonNull(mustReadsWindow, "mustReadsWindow");
        Objects.requireNonNull(scoring, "scoring");
    }

    public String window(ListKind kind) {
        return Times.window(kind == ListKind.POPULAR_NOW ? popularNowWindow : mustReadsWindow);
    }
}
