package news.testsupport;

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
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens for tests, issued by the {@linkplain TestIssuer#shared() shared test issuer} with the claims every
 * provider's tokens carry: {@code sub}, {@code name}, {@code roles} and the platform's audience. The broken kinds
 * (expired, unsigned, another audience, another issuer, the retired development key) are here too, for the tests
 * that prove they are refused.
 */
public final class TestTokens {

    /** The RSA key the services trusted before they checked issuer and audience; public in git history since. */
    private static final String RETIRED_DEV_KEY = "news/testsupport/retired-dev-key.pem";

    private TestTokens() {
    }

    public static String editor(String subject) {
        return withRoles(subject, "Editor " + subject, List.of("editor"));
    }

    public static String reader(String subject) {
        return withRoles(subject, "Reader " + subject, List.of("reader"));
    }

    public static String withRoles(String subject, String name, List<String> roles) {
        return TestIssuer.shared().sign(claims(subject, name, roles).build());
    }

    /** A token that lives {@code life} instead of an hour, for long test runs. */
    public static String withRoles(String subject, String name, List<String> roles, Duration life) {
        return TestIssuer.shared().sign(claims(subject, name, roles)
                .expirationTime(Date.from(Instant.now().plus(life))).build());
    }

    /** The usual claims for a one-hour token of the shared issuer, to change before {@link TestIssuer#sign}. */
    public static JWTClaimsSet.Builder claims(String subject, String name, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(TestIssuer.shared().issuer())
                .audience(TestIssuer.AUDIENCE)
                .subject(subject)
                .claim("name", name)
                .claim("roles", roles)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    public static String expired(String subject, List<String> roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return TestIssuer.shared().sign(claims(subject, subject, roles)
                .issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(30)))).build());
    }

    /** A token with the right claims but signed by nobody: {@code alg: none}. */
    public static String unsigned(String subject, List<String> roles) {
        return new PlainJWT(claims(subject, subject, roles).build()).serialize();
    }

    /** Right issuer and key, but issued for another application of the same provider. */
    public static String forAudience(String audience, String subject, List<String> roles) {
        return TestIssuer.shared().sign(claims(subject, subject, roles).audience(audience).build());
    }

    /**
     * Signed with the shared issuer's key but naming another issuer, as a multi-tenant provider's other tenants do
     * (one key set, many issuers): only an issuer check tells them apart.
     */
    public static String fromIssuer(String issuer, String subject, List<String> roles) {
        return TestIssuer.shared().sign(claims(subject, subject, roles).issuer(issuer).build());
    }

    /**
     * Signed with the development key pair the services once trusted whenever no issuer was set, with the claims
     * such a token had ({@code iss: news-platform-dev}, key id {@code news-dev-1}) plus the platform's audience.
     */
    public static String retiredDevelopmentKey(String subject, List<String> roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("news-platform-dev").audience(TestIssuer.AUDIENCE)
                .subject(subject).claim("name", subject).claim("roles", roles).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID("news-dev-1").build(), claims);
            jwt.sign(new RSASSASigner(retiredKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the retired development key", e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static RSAPrivateKey retiredKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(RETIRED_DEV_KEY)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(RETIRED_DEV_KEY + " is not a PKCS#8 RSA key", e);
        }
    }
}
