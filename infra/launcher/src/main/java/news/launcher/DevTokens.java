package news.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens signed with the development key of {@code infra/dev-keys}, which the services accept when no
 * identity provider is configured. Claims follow DESIGN §3: {@code sub}, {@code name}, {@code roles}.
 */
public final class DevTokens {

    public static final String ISSUER = "news-platform-dev";
    public static final String KEY_ID = "news-dev-1";
    private static final String PRIVATE_KEY = "news/dev-keys/jwt-dev-private.pem";

    private DevTokens() {
    }

    public static String mint(String subject, String name, List<String> roles, Duration timeToLive) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .claim("name", name)
                .claim("roles", roles)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(timeToLive)))
                .build());
    }

    /** Signs arbitrary claims with the development key, for tests that need unusual or broken tokens. */
    public static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(KEY_ID).build(),
                    claims);
            jwt.sign(new RSASSASigner(privateKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
    }

    static RSAPrivateKey privateKey() {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(PRIVATE_KEY)) {
            if (in == null) {
                throw new IllegalStateException(PRIVATE_KEY + " is missing from the classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The development key " + PRIVATE_KEY + " is not a PKCS#8 RSA key", e);
        }
    }
}
