package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the text rules over generated text, including astral-plane characters and control characters. */
class CommentTextPropertiesTest {

    private final CommentTextPolicy policy = new CommentTextPolicy(BlockedWords.none());

    @Property
    void anyTextWithoutControlCharactersOfOneTo300CodePointsIsAcceptedUnchangedUpToTrimming(
            @ForAll("printable") List<Integer> codePoints) {
        String text = "x" + string(codePoints);
        String accepted = policy.accept(text);
        assertThat(accepted).isEqualTo(CommentTextPolicy.trim(text));
        assertThat(accepted.codePointCount(0, accepted.length())).isBetween(1, 300);
    }

    @Property
    void textLongerThan300CodePointsAfterTrimmingIsAlwaysRejectedAsTooLong(
            @ForAll("printable") List<Integer> codePoints, @ForAll @IntRange(min = 301, max = 400) int length) {
        StringBuilder text = new StringBuilder("x");
        for (int i = 0; i < length - 2; i++) {
            text.appendCodePoint(codePoints.isEmpty() ? 'x' : codePoints.get(i % codePoints.size()));
        }
        String tooLong = text.append('y').toString();
        RuleViolation violation = catchThrowableOfType(RuleViolation.class, () -> policy.accept(tooLong));
        assertThat(violation.rule()).isEqualTo(Rule.TEXT_TOO_LONG);
    }

    @Property
    void aControlCharacterOtherThanLineFeedInsideTheTextIsAlwaysRejected(
            @ForAll("printable") List<Integer> codePoints, @ForAll("controls") int control) {
        String text = "a" + string(codePoints.subList(0, Math.min(codePoints.size(), 200))) + Character.toString(control)
                + "z";
        RuleViolation violation = catchThrowableOfType(RuleViolation.class, () -> policy.accept(text));
        assertThat(violation.rule()).isEqualTo(Rule.TEXT_CONTROL_CHARACTER);
    }

    @Property
    void acceptingAcceptedTextAgainChangesNothing(@ForAll("printable") List<Integer> codePoints) {
        String once = policy.accept("x" + string(codePoints));
        assertThat(policy.accept(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<List<Integer>> printable() {
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
        Arbitrary<Integer> hangul = Arbitraries.integers().between(0xAC00, 0xD7A3);
        Arbitrary<Integer> emoji = Arbitraries.integers().between(0x1F300, 0x1F64F);
        Arbitrary<Integer> lineFeed = Arbitraries.just((int) '\n');
        return Arbitraries.oneOf(ascii, hangul, emoji, lineFeed).list().ofMinSize(0).ofMaxSize(299);
    }

    @Provide
    Arbitrary<Integer> controls() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0x00, 0x09), Arbitraries.integers().between(0x0B, 0x1F),
                Arbitraries.integers().between(0x7F, 0x9F));
    }

    private static String string(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }
}
