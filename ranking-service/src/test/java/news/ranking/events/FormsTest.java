package news.ranking.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The character-class checks say exactly what the schemas say: each is compared with the field's rules read from
 * the contract's own schema file ({@code article-viewed.schema.json}: pattern, minLength, maxLength), and the
 * patterns that error messages quote match the same strings.
 */
class FormsTest {

    private static final JsonNode FIELDS = schemaProperties("article-viewed.schema.json");
    private static final FieldRule ARTICLE_ID = FieldRule.of(FIELDS.get("articleId"));
    private static final FieldRule READER_HASH = FieldRule.of(FIELDS.get("readerHash"));
    private static final Pattern QUOTED_ID = Pattern.compile(Forms.ID_PATTERN);
    private static final Pattern QUOTED_READER_HASH = Pattern.compile(Forms.READER_HASH_PATTERN);

    @Property(tries = 5000)
    void anIdPassesExactlyWhenTheSchemaAcceptsIt(@ForAll("candidates") String value) {
        assertThat(Forms.isId(value)).as(value).isEqualTo(ARTICLE_ID.accepts(value));
        assertThat(QUOTED_ID.matcher(value).matches()).as(value).isEqualTo(ARTICLE_ID.accepts(value));
    }

    @Property(tries = 5000)
    void aReaderHashPassesExactlyWhenTheSchemaAcceptsIt(@ForAll("candidates") String value) {
        assertThat(Forms.isReaderHash(value)).as(value).isEqualTo(READER_HASH.accepts(value));
        assertThat(QUOTED_READER_HASH.matcher(value).matches()).as(value).isEqualTo(READER_HASH.accepts(value));
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

    /** A string field's rules as JSON Schema applies them: ECMA-262 pattern search, lengths in code points. */
    private record FieldRule(Pattern pattern, int minLength, int maxLength) {

        static FieldRule of(JsonNode field) {
            assertThat(field.path("pattern").isString()).as("the schema gives a pattern: " + field).isTrue();
            // ECMA-262's $ (no multiline) is the end of input; Java's would also match before a final line feed
            String pattern = field.path("pattern").asString().replaceFirst("\\$$", "\\\\z");
            return new FieldRule(Pattern.compile(pattern), field.path("minLength").asInt(0),
                    field.path("maxLength").asInt(Integer.MAX_VALUE));
        }

        boolean accepts(String value) {
            int length = value.codePointCount(0, value.length());
            return length >= minLength && length <= maxLength && pattern.matcher(value).find();
        }
    }

    private static JsonNode schemaProperties(String schema) {
        try (InputStream in = FormsTest.class.getResourceAsStream("/contracts/schemas/" + schema)) {
            if (in == null) {
                throw new IllegalStateException("no /contracts/schemas/" + schema + " on the test class path");
            }
            return JsonMapper.builder().build().readTree(in).get("properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
