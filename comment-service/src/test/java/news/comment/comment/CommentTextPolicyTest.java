package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommentTextPolicyTest {

    private final CommentTextPolicy policy = new CommentTextPolicy(BlockedWords.of(List.of("spamword", "바보*")));

    @Test
    void acceptsThreeHundredCodePointsOfAsciiKoreanAndEmojiAndRejectsThreeHundredOne() {
        for (String unit : List.of("a", "가", "😀")) {
            assertThat(policy.accept(unit.repeat(300))).isEqualTo(unit.repeat(300));
            assertRule(unit.repeat(301), Rule.TEXT_TOO_LONG);
        }
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String emoji = "😀".repeat(300);
        assertThat(emoji.length()).isEqualTo(600);
        assertThat(policy.accept(emoji)).hasSize(600);
    }

    @Test
    void trimsWhiteSpaceBeforeCountingAndStoresTheTrimmedText() {
        String text = "  \n\t" + "x".repeat(300) + " \u00A0\u3000\n ";
        assertThat(policy.accept(text)).isEqualTo("x".repeat(300));
    }

    @Test
    void keepsLineFeedsInside() {
        assertThat(policy.accept("first line\nsecond line")).isEqualTo("first line\nsecond line");
    }

    @Test
    void rejectsMissingEmptyAndWhiteSpaceOnlyText() {
        assertRule(null, Rule.TEXT_MISSING);
        assertRule("", Rule.TEXT_EMPTY);
        assertRule("   \n\t\u00A0\u3000 ", Rule.TEXT_EMPTY);
        assertRule("\u200B\u200B", Rule.TEXT_EMPTY);
    }

    @Test
    void rejectsControlCharactersOtherThanLineFeedAndNamesTheCharacter() {
        for (String control : List.of("\u0000", "\u0007", "\r", "\t", "\u001B", "\u007F", "\u0085")) {
            assertRule("before" + control + "after", Rule.TEXT_CONTROL_CHARACTER);
        }
        assertThatThrownBy(() -> policy.accept("ab\u0007"))
                .hasMessageContaining("Character 3").hasMessageContaining("U+0007");
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertRule("broken \uD83D text", Rule.TEXT_INVALID_CHARACTER);
        assertRule("broken \uDE00 text", Rule.TEXT_INVALID_CHARACTER);
    }

    @Test
    void keepsHtmlAndScriptExactlyAsWritten() {
        String html = "<img src=x onerror=alert(1)> <script>alert('x')</script> &amp; \"quoted\"";
        assertThat(policy.accept(html)).isEqualTo(html);
    }

    @Test
    void rejectsBlockedWordsAndNamesTheRule() {
        assertRule("this is SPAMWORD here", Rule.TEXT_BLOCKED_WORD);
        assertRule("너 바보야", Rule.TEXT_BLOCKED_WORD);
        assertThatThrownBy(() -> policy.accept("buy spamword now")).hasMessageContaining("blocked word 'spamword'");
    }

    @Test
    void checksLengthBeforeCharacters() {
        assertRule("\u0007" + "x".repeat(300), Rule.TEXT_TOO_LONG);
    }

    private void assertRule(String text, Rule rule) {
        assertThatThrownBy(() -> policy.accept(text)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).as("rule for %s", text).isEqualTo(rule));
    }
}
