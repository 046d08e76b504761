package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import news.comment.comment.CommentViews.CommentPage;

class RecentReadsTest {

    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void servesAnArticlesFirstPageAndCountFromMemoryUntilThisInstanceChangesIt() {
        RecentReads reads = new RecentReads(Duration.ofMinutes(1), 100);
        assertThat(reads.firstPage("a1", 20, this::load).count()).isEqualTo(1);
        assertThat(reads.firstPage("a1", 20, this::load).count()).isEqualTo(1);
        assertThat(reads.count("a1", loads::incrementAndGet)).isEqualTo(2);
        assertThat(reads.count("a1", loads::incrementAndGet)).isEqualTo(2);
        assertThat(reads.firstPage("a2", 20, this::load).count()).isEqualTo(3);

        reads.changed("a1");

        assertThat(reads.firstPage("a1", 20, this::load).count()).isEqualTo(4);
        assertThat(reads.firstPage("a2", 20, this::load).count()).isEqualTo(3);
    }

    @Test
    void aZeroTtlLoadsEveryTime() {
        RecentReads reads = new RecentReads(Duration.ZERO, 100);
        reads.firstPage("a1", 20, this::load);
        reads.firstPage("a1", 20, this::load);
        assertThat(loads).hasValue(2);
    }

    private CommentPage load(int limit) {
        return new CommentPage(loads.incrementAndGet(), 300, List.of(), null);
    }
}
