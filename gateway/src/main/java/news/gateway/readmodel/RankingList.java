package news.gateway.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * One current list of {@code news.rankings} ({@code ranking-updated.schema.json}): the whole list for one list name
 * ({@code popular-now}, {@code must-reads}) and section (a section name or {@code all}), best first.
 */
public record RankingList(String list, String section, String window, Instant computedAt, List<Entry> entries) {

    public record Entry(String articleId, String title, String section, Instant publishedAt, double score,
                        boolean fallback) {
    }

    boolean valid() {
        return list != null && section != null && computedAt != null && entries != null
                && entries.stream().allMatch(e -> e != null && e.articleId() != null && e.title() != null);
    }
}
