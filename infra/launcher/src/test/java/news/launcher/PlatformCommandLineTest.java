package news.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;


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
    void mintingWithoutARunningProviderSaysToStartThePlatform() {
        TokenMint mint = new TokenMint(java.net.URI.create("http://127.0.0.1:" + Ports.freePort()),
                LocalIdentity.CLI_CLIENT, "secret");

        assertThatThrownBy(() -> mint.mint("alice", "Alice", "editor", Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("infra/platform up");
    }

    @Test
    void tokenRefusesAnUnknownRoleOrMissingSubject() {
        assertThatThrownBy(() -> Platform.run(new String[] {"token", "--role", "admin", "--sub", "x"}, out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("editor or reader");
        assertThatThrownBy(() -> Platform.run(new String[] {"token", "--role", "reader", "--sub", "x", "--ttl", "8d"},
                out, out)).isInstanceOf(UsageException.class).hasMessageContaining("at most 7d");
        assertThatThrownBy(() -> Platform.run(new String[] {"token", "--role", "reader"}, out, out))
                .isInstanceOf(UsageException.class);
    }

    @Test
    void durationsReadAsTheUsageSays() {
        assertThat(Platform.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Platform.parseDuration("2d")).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> Platform.parseDuration("forever")).isInstanceOf(UsageException.class);
    }

    @Test
    void simulateSendsLoadOnlyToLocalhostAndIsBounded() {
        Layout layout = Layout.fromEnvironment();
        assertThatThrownBy(() -> Platform.simulation(layout, java.util.List.of("--target", "http://example.com")))
                .isInstanceOf(UsageException.class).hasMessageContaining("localhost");
        assertThatThrownBy(() -> Platform.simulation(layout, java.util.List.of("--duration", "2h")))
                .isInstanceOf(UsageException.class).hasMessageContaining("at most 1h");
        assertThatThrownBy(() -> Platform.simulation(layout, java.util.List.of("--views-per-second", "0")))
                .isInstanceOf(UsageException.class);
        Simulator.Options options = Platform.simulation(layout, java.util.List.of("--views-per-second", "500", "--duration", "30s"));
        assertThat(options.viewsPerSecond()).isEqualTo(500);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.target().getHost()).isEqualTo("localhost");
    }

    @Test
    void theZipfDrawFavoursTheFirstRanksButReachesTheTail() {
        news.launcher.load.Mix.Zipf zipf = new news.launcher.load.Mix.Zipf(30, 1.1);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        int[] counts = new int[30];
        for (int i = 0; i < 100_000; i++) {
            counts[zipf.sample(random)]++;
        }
        assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[10]);
        assertThat(counts[29]).isPositive();
    }
}
