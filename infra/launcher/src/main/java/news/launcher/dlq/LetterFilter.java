package news.launcher.dlq;

import java.time.Instant;
import java.util.Set;

/**
 * Which letters a command applies to: dead-lettered at or after {@code from} and before {@code to}, with one of the
 * given {@code ce_id}s, written by one consumer. Unset parts match everything.
 */
record LetterFilter(Instant from, Instant to, Set<String> ids, String consumer) {

    static final LetterFilter ALL = new LetterFilter(null, null, Set.of(), null);

    boolean isEmpty() {
        return from == null && to == null && ids.isEmpty() && consumer == null;
    }

    boolean matches(Letter letter) {
        return (from == null || !letter.time().isBefore(from))
                && (to == null || letter.time().isBefore(to))
                && (ids.isEmpty() || ids.contains(letter.ceId()))
                && (consumer == null || consumer.equals(letter.consumer()));
    }
}
