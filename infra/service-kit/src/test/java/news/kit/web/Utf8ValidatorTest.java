package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import news.kit.web.RequestBodyLimitFilter.Utf8Validator;

/** The kit's UTF-8 check (of bodies, paths, queries and headers) agrees with the JDK's strict decoder on every byte string tried. */
class Utf8ValidatorTest {

    @Test
    void agreesWithTheStrictJdkDecoderOnRandomAndBoundaryByteStrings() {
        SplittableRandom random = new SplittableRandom(20261125);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int j = 0; j < bytes.length; j++) {
                // mostly bytes around the lead/continuation boundaries, where the rules are
                bytes[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
            }
            boolean jdk = strictlyDecodable(bytes);
            assertThat(Utf8Validator.isValid(bytes)).as("%s", java.util.HexFormat.ofDelimiter(" ").formatHex(bytes)).isEqualTo(jdk);
            accepted += jdk ? 1 : 0;
        }
        assertThat(accepted).as("the sample holds valid strings too").isGreaterThan(1_000);
    }

    @Test
    void rejectsOverlongFormsSurrogatesAndTruncatedSequencesAndAcceptsEveryScript() {
        assertThat(Utf8Validator.isValid(new byte[]{(byte) 0xC0, (byte) 0xAF})).isFalse();
        assertThat(Utf8Validator.isValid(new byte[]{(byte) 0xE0, (byte) 0x80, (byte) 0xAF})).isFalse();
        assertThat(Utf8Validator.isValid(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
        assertThat(Utf8Validator.isValid(new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isFalse();
        assertThat(Utf8Validator.isValid(new byte[]{'a', (byte) 0xE2, (byte) 0x82})).isFalse();
        assertThat(Utf8Validator.isValid("한국 국방 뉴스 😀 café /".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    private static boolean strictlyDecodable(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
