package news.gateway.edge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Weak entity tags over response bytes, and the weak comparison {@code If-None-Match} uses for GET. */
public final class Etags {

    private Etags() {
    }

    public static String weak(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code ifNoneMatch} (a header value, possibly a list or {@code *}) names {@code etag}. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (etag == null || ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            if (opaque(candidate.trim()).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
