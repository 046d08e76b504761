package news.identity;

import java.util.Map;

import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * How the clients' secrets are stored and checked: salted HMAC-SHA256 (PBKDF2 with one iteration), compared in
 * constant time. The secrets are random 256-bit values that {@code infra/platform} generates (or long secrets an
 * operator sets), so a slow hash protects nothing that guessing could reach, and it cost every token request: the
 * authorization server upgraded the stored secret to BCrypt on first use, and each client authentication (a token
 * minted, a browser's sign-in completed, an access token refreshed) then spent 70-85 ms of CPU in BCrypt, 90 % of
 * the provider's work (docs/benchmarks.md). People's passwords keep BCrypt ({@link ProviderSecurity}).
 */
final class ClientSecrets {

    private static final String ID = "pbkdf2-hmac-sha256-1";

    /** The encoder of the clients' secrets; one id only, so the stored form is never "upgraded". */
    static final PasswordEncoder ENCODER = new DelegatingPasswordEncoder(ID, Map.of(ID,
            new Pbkdf2PasswordEncoder("", 16, 1, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256)));

    private ClientSecrets() {
    }
}
