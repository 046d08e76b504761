package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockedWordsTest {

    @ParameterizedTest(name = "{3}: {0} in \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ass  | what an ASS.        | ass  | a whole word, in any case
            ass  | ass                 | ass  | the whole text
            ass  | first class passage |      | never a part of a word
            spam | ｓｐａｍ!             | spam | full-width forms, through compatibility normalization
            바보* | 바보야 뭐해            | 바보* | an entry ending in a star is a prefix
            바보* | 그냥 바보             | 바보* | a prefix matches a whole word too
            바보* | 안바보                |      | a prefix starts a word
            """)
    void anEntryMatchesWholeWordsIgnoringCaseAndWidthOrAsAPrefixWhenItEndsInAStar(String entry, String text,
                                                                                   String matched, String rule) {
        assertThat(BlockedWords.of(List.of(entry)).firstIn(text)).isEqualTo(Optional.ofNullable(matched));
    }

    @Test
    void ignoresBlankEntriesSoAnEmptyConfigurationBlocksNothing() {
        assertThat(BlockedWords.of(Arrays.asList("", " ", null, "*")).firstIn("anything at all")).isEmpty();
        assertThat(BlockedWords.none().firstIn("anything")).isEmpty();
    }
}
