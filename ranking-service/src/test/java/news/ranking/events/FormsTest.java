package news.ranking.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The character-class checks say exactly what the schemas' patterns say, which error messages quote. */
class FormsTest {

    private static final Pattern ID = Pattern.compile(Forms.ID_PATTERN);
    private static final Pattern READER_HASH = Pattern.compile(Forms.READER_HASH_PATTERN);

    @Property(tries = 5000)
    void anIdPassesExactlyWhenItMatchesTheSchemasPattern(@ForAll("candidates") String value) {
        assertThat(Forms.isId(value)).as(value).isEqualTo(ID.matcher(value).matches());
    }

    @Property(tries = 5000)
    void aReaderHashPassesExactlyWhenItMatchesTheSchemasPattern(@ForAll("candidates") String value) {
        assertThat(Forms.isReaderHash(value)).as(value).isEqualTo(READER_HASH.matcher(value).matches());
    }

    /** Hex strings around 64 characters, 64 characters of nearly hex, id-like strings of 0 to 70, and strings with anything else in them. */
    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'f').ofMinLength(62).ofMaxLength(66),
                Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'g').withChars('A', 'F', ' ')
                        .ofLength(64),
                Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(0).ofMaxLength(70),
                Arbitraries.strings().alpha().numeric().withChars("_- \n/.é가\u0000gG").ofMinLength(0).ofMaxLength(70));
    }
}
