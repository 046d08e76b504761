package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class BlockedWordsTest {

    @Test
    void matchesWholeWordsIgnoringCase() {
        BlockedWords words = BlockedWords.of(List.of("ass"));
        assertThat(words.firstIn("what an ASS.")).contains("ass");
        assertThat(words.firstIn("ass")).contains("ass");
        assertThat(words.firstIn("first class passage")).isEmpty();
    }

    @Test
    void matchesFullWidthFormsThroughCompatibilityNormalization() {
        assertThat(BlockedWords.of(List.of("spam")).firstIn("ｓｐａｍ!")).contains("spam");
    }

    @Test
    void anEntryEndingInAStarMatchesAsAPrefix() {
        BlockedWords words = BlockedWords.of(List.of("바보*"));
        assertThat(words.firstIn("바보야 뭐해")).contains("바보*");
        assertThat(words.firstIn("그냥 바보")).contains("바보*");
        assertThat(words.firstIn("안바보")).isEmpty();
    }

    @Test
    void ignoresBlankEntriesSoAnEmptyConfigurationBlocksNothing() {
        assertThat(BlockedWords.of(Arrays.asList("", " ", null, "*")).firstIn("anything at all")).isEmpty();
        assertThat(BlockedWords.none().firstIn("anything")).isEmpty();
    }
}
