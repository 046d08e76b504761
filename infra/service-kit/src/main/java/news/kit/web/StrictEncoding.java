package news.kit.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import news.kit.web.RequestBodyLimitFilter.Utf8Validator;

/**
 * The check every HTTP entry point (the services' {@link StrictEncodingFilter}, the gateway's filter) makes before
 * anything reads a request: the raw path and query must be well-formed percent-encoding of strictly valid UTF-8
 * (RFC 3986, RFC 3629: no truncated {@code %4}, no {@code %FF}, no overlong {@code %C0%AF}, no surrogates), and every
 * header value, as its bytes, strictly valid UTF-8. What fails is bad input, answered 400, never a decoder's exception
 * deep in a framework (500). Pure Java, for servlet and reactive stacks alike.
 */
public final class StrictEncoding {

    private StrictEncoding() {
    }

    /** Why a raw path is refused, or empty when it is fine. */
    public static Optional<String> pathProblem(String rawPath) {
        return percentEncodedProblem(rawPath).map(p -> "The request path " + p);
    }

    /** Why a raw query string ({@code a=1&b=%C3%A9}, {@code +} for a space) is refused, or empty when it is fine. */
    public static Optional<String> queryProblem(String rawQuery) {
        return percentEncodedProblem(rawQuery).map(p -> "The query string " + p);
    }

    /**
     * Why a header value is refused, or empty when it is fine. Servers hand header bytes over as ISO-8859-1
     * characters (one char per byte); anything above {@code 0xFF} came decoded already and is fine.
     */
    public static Optional<String> headerProblem(CharSequence name, CharSequence value) {
        if (value == null || ascii(value)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[value.length()];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return Optional.empty();
            }
            bytes[i] = (byte) c;
        }
        return Utf8Validator.isValid(bytes) ? Optional.empty()
                : Optional.of("The header " + name + " is not valid UTF-8 (a malformed, overlong or truncated sequence).");
    }

    private static Optional<String> percentEncodedProblem(String raw) {
        if (raw == null || raw.indexOf('%') < 0 && ascii(raw)) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return Optional.of("has a '%' that is not followed by two hexadecimal digits (write a literal '%'"
                            + " as %25).");
                }
                bytes.write(hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c > 0xFF) {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            } else {
                bytes.write(c); // ASCII, or a raw byte the server handed over as an ISO-8859-1 character
            }
        }
        return Utf8Validator.isValid(bytes.toByteArray()) ? Optional.empty() : Optional.of(NOT_UTF8);
    }

    private static final String NOT_UTF8 = "is not percent-encoded UTF-8 (a malformed, overlong or truncated sequence"
            + " such as %FF or %C0%AF).";

    private static boolean ascii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
