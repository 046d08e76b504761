package news.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * What {@link ArticleChanges} answers is never earlier than the last change it was told of, whatever it had to forget
 * to stay within its bounds: forgetting can only make a page part look changed, never current.
 */
class ArticleChangesTest {

    private final AtomicLong clock = new AtomicLong(5_000);

    @Test
    void anIdNeverReadsOlderThanItsLastChangeEvenAfterItWasEvicted() {
        ArticleChanges changes = new ArticleChanges(Duration.ofMinutes(1), 16, clock::get);
        Map<String, Long> lastChange = new HashMap<>();

        for (int i = 0; i < 2_000; i++) {
            String id = "article-" + (i * 7919 % 300);
            clock.addAndGet(1 + i % 5);
            if (i % 3 == 0) {
                changes.commentsChanged(id);
            } else {
                changes.articleChanged(id);
            }
            lastChange.merge(id + (i % 3 == 0 ? "|comments" : "|article"), clock.get(), Math::max);
        }

        lastChange.forEach((key, changedAt) -> {
            String id = key.substring(0, key.indexOf('|'));
            long answered = key.endsWith("|comments") ? changes.commentsChangedAt(id) : changes.articleChangedAt(id);
            assertThat(answered).as(key).isGreaterThanOrEqualTo(changedAt);
        });
    }

    @Test
    void anIdWithoutChangesReadsAsChangedWhenTheGatewayStartedAndEachKindIsKeptApart() {
        long started = clock.get();
        ArticleChanges changes = new ArticleChanges(Duration.ofMinutes(1), 16, clock::get);
        clock.addAndGet(10);
        changes.articleChanged("a");
        clock.addAndGet(10);
        changes.commentsChanged("b");

        assertThat(changes.articleChangedAt("never")).isEqualTo(started);
        assertThat(changes.commentsChangedAt("never")).isEqualTo(started);
        assertThat(changes.articleChangedAt("a")).isEqualTo(started + 10);
        assertThat(changes.commentsChangedAt("a")).isEqualTo(started);
        assertThat(changes.commentsChangedAt("b")).isEqualTo(started + 20);
        assertThat(changes.articleChangedAt("b")).isEqualTo(started);
    }
}
