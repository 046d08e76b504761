package news.launcher.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The simulator's own warm-up: the whole browsing mix, answered by the stub, nothing failed. */
class SelfWarmUpTest {

    @Test
    void everyKindOfTheBrowsingMixIsSentToTheStubAndAnswered() throws InterruptedException {
        Mix mix = new Mix(List.of("A00000000001", "A00000000002", "A00000000003"), Mix.PerVisit.browsing(0.2, 0.2),
                Mix.Readers.RETURNING, 100, 0.05, 0, subject -> "token-of-" + subject);

        LoadResult result = SelfWarmUp.run(mix, 7, Duration.ofMillis(700));

        LoadResult.KindResult all = result.total();
        assertThat(all.requests()).isPositive();
        assertThat(all.failed()).isZero();
        assertThat(all.statuses(200, 201)).isEqualTo(all.requests());
        assertThat(result.rows()).extracting(LoadResult.KindResult::kind)
                .contains(Kind.PAGE_ARTICLE.name(), Kind.VIEW.name(), Kind.PAGE_HOME.name(), Kind.COMMENT.name());
    }
}
