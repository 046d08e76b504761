package news.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;

class PlatformCommandLineTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThatThrownBy(() -> Platform.run(new String[] {"launch"}, out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown command 'launch'");
        assertThatThrownBy(() -> Platform.run(new String[0], out, out)).isInstanceOf(UsageException.class);
    }

    @Test
    void tokenPrintsAnEditorTokenWithTheClaimsOfTheDesign() throws Exception {
        int code = Platform.run(new String[] {"token", "--role", "editor", "--sub", "alice", "--name", "Alice Kim"}, out, out);

        SignedJWT jwt = SignedJWT.parse(buffer.toString(StandardCharsets.UTF_8).trim());
        assertThat(code).isZero();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("name")).isEqualTo("Alice Kim");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).contains("editor");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(DevTokens.ISSUER);
    }

    @Test
    void tokenRefusesAnUnknownRoleOrMissingSubject() {
        assertThatThrownBy(() -> Platform.run(new String[] {"token", "--role", "admin", "--sub", "x"}, out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("editor or reader");
        assertThatThrownBy(() -> Platform.run(new String[] {"token", "--role", "reader"}, out, out))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void durationsReadAsTheUsageSays() {
        assertThat(Platform.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Platform.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> Platform.parseDuration("forever")).isInstanceOf(UsageException.class);
    }
}
