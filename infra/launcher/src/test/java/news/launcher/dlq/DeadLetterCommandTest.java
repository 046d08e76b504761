package news.launcher.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import news.contracts.TopicCatalog;
import news.launcher.UsageException;

class DeadLetterCommandTest {

    private final DeadLetterCommand command = new DeadLetterCommand(TopicCatalog.load(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @Test
    void aTopicOrItsDeadLetterTopicNamesTheDeadLetterTopicAndAnythingElseIsRefused() {
        assertThat(command.deadLetterTopic("news.article-views")).isEqualTo("news.article-views.dlq");
        assertThat(command.deadLetterTopic("news.article-views.dlq")).isEqualTo("news.article-views.dlq");
        assertThatThrownBy(() -> command.deadLetterTopic("news.views")).isInstanceOf(UsageException.class)
                .hasMessageContaining("topics.yaml");
        assertThatThrownBy(() -> command.deadLetterTopic("news.rankings")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no dead-letter topic");
    }

    @Test
    void aReplayNeedsAFilterOrAllAndNeverBoth() {
        assertThatThrownBy(() -> DeadLetterCommand.selection(new ArrayList<>(), true)).isInstanceOf(UsageException.class)
                .hasMessageContaining("--all or a filter");
        assertThat(DeadLetterCommand.selection(new ArrayList<>(List.of("--all")), true).filter().isEmpty()).isTrue();
        assertThatThrownBy(() -> DeadLetterCommand.selection(new ArrayList<>(List.of("--all", "--id", "x")), true))
                .isInstanceOf(UsageException.class);
        assertThat(DeadLetterCommand.selection(new ArrayList<>(List.of("--id", "a,b", "--id", "c")), true).filter().ids())
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThatThrownBy(() -> DeadLetterCommand.selection(new ArrayList<>(List.of("--from", "2026-12-01T10:00:00Z",
                "--to", "2026-12-01T09:00:00Z")), true)).isInstanceOf(UsageException.class).hasMessageContaining("before");
    }

    @Test
    void timesAreInstantsOrDurationsAgo() {
        assertThat(DeadLetterCommand.time("--from", "2026-12-01T10:00:00Z")).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(DeadLetterCommand.time("--from", "2h")).isBetween(Instant.now().minus(Duration.ofHours(2)).minusSeconds(5),
                Instant.now().minus(Duration.ofHours(2)).plusSeconds(5));
        assertThatThrownBy(() -> DeadLetterCommand.time("--to", "yesterday")).isInstanceOf(UsageException.class)
                .hasMessageContaining("30m");
    }

    @Test
    void aLetterGoesBackWithoutTheHeadersDeadLetteringAddedAndSaysWhereItCameFrom() {
        Letter letter = new Letter("news.article-views.dlq", 2, 7, Instant.parse("2026-12-01T10:00:00Z"),
                "a1".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), List.of(
                new RecordHeader("ce_id", "e-1".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("traceparent", "00-x".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("x-dlq-reason", "$.viewedAt: lies 310 s in the future".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("x-dlq-original-topic", "news.article-views".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("x-dlq-original-partition", "2".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("x-dlq-original-offset", "41".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("x-exception-message", "boom".getBytes(StandardCharsets.UTF_8))));

        assertThat(letter.originalHeaders()).extracting(h -> h.key()).containsExactly("ce_id", "traceparent");
        assertThat(letter.originalTopic()).isEqualTo("news.article-views");
        assertThat(letter.originalPosition()).isEqualTo("news.article-views-2@41");
        assertThat(letter.identity()).isEqualTo("news.article-views-2@41");
        assertThat(letter.ceId()).isEqualTo("e-1");
        assertThat(new LetterFilter(null, null, Set.of("e-1"), null).matches(letter)).isTrue();
        assertThat(new LetterFilter(Instant.parse("2026-12-01T10:00:01Z"), null, Set.of(), null).matches(letter)).isFalse();
        assertThat(new LetterFilter(null, null, Set.of(), "comment-service").matches(letter)).isFalse();
        assertThat(Letter.printable(new byte[] {'o', 'k', 0, 7}, 100)).isEqualTo("ok\\x00\\x07");
    }
}
