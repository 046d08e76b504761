package news.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;

import news.launcher.DevTokens;

/** Bearer tokens for tests, signed with the development key the services trust when no issuer is configured. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String editor(String subject) {
        return DevTokens.mint(subject, "Editor " + subject, List.of("editor"), Duration.ofHours(1));
    }

    public static String reader(String subject) {
        return DevTokens.mint(subject, "Reader " + subject, List.of("reader"), Duration.ofHours(1));
    }

    public static String withRoles(String subject, String name, List<String> roles) {
        return DevTokens.mint(subject, name, roles, Duration.ofHours(1));
    }

    public static String expired(String subject, List<String> roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return DevTokens.sign(new JWTClaimsSet.Builder().issuer(DevTokens.ISSUER).subject(subject)
                .claim("name", subject).claim("roles", roles)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(30)))).build());
    }

    /** A token with the right claims but signed by nobody: {@code alg: none}. */
    public static String unsigned(String subject, List<String> roles) {
        return new com.nimbusds.jwt.PlainJWT(new JWTClaimsSet.Builder().issuer(DevTokens.ISSUER).subject(subject)
                .claim("roles", roles).expirationTime(Date.from(Instant.now().plusSeconds(3600))).build()).serialize();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
