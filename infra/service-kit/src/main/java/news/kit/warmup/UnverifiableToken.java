package news.kit.warmup;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The token of {@link WarmUpRequests#unverifiableBearerToken()}, made once. */
final class UnverifiableToken {

    static final String TOKEN = make();

    private UnverifiableToken() {
    }

    private static String make() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[256];
        signature[0] = 1;
        for (int i = 1; i < signature.length; i++) {
            signature[i] = (byte) (i * 37 + 11);
        }
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + '.'
                + base64.encodeToString("{\"sub\":\"warm-up\",\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8))
                + '.' + base64.encodeToString(signature);
    }
}
