package news.observability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * Alertmanager's checker, where it is installed ({@code AMTOOL} or {@code amtool} on the PATH; Debian package
 * {@code prometheus-alertmanager}). Tests that need it are skipped, with the reason, where it is not.
 */
final class Amtool {

    private static final Path EXECUTABLE = Promtool.find("AMTOOL", "amtool");

    private Amtool() {
    }

    static Promtool.Result run(Path workingDirectory, String... arguments) {
        assumeTrue(EXECUTABLE != null, "amtool is not installed (set AMTOOL or install the Debian package"
                + " 'prometheus-alertmanager'): the Alertmanager files are checked without it only");
        return Promtool.execute(EXECUTABLE, workingDirectory, arguments);
    }
}
