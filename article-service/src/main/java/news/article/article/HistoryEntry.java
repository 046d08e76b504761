package news.article.article;

import java.time.Instant;
import java.util.List;

/**
 * One change of an article: the version it made, what it did ({@code fields} names the content fields an edit
 * changed), the status after it, who made it and when.
 */
record HistoryEntry(long version, Action action, List<String> fields, Status status, Editor by, Instant at) {

    HistoryEntry {
        fields = List.copyOf(fields);
    }
}
