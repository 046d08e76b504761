package news.observability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, where it is installed ({@code PROMTOOL} or {@code promtool} on the PATH; Debian package
 * {@code prometheus}). Tests that need it are skipped, with the reason, where it is not.
 */
final class Promtool {

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private static final Path EXECUTABLE = find("PROMTOOL", "promtool");

    private Promtool() {
    }

    static void assumeInstalled() {
        assumeTrue(EXECUTABLE != null, "promtool is not installed (set PROMTOOL or install the Debian package"
                + " 'prometheus'): the Prometheus files are checked without it only");
    }

    static Result run(Path workingDirectory, String... arguments) {
        assumeInstalled();
        return execute(EXECUTABLE, workingDirectory, arguments);
    }

    static Result execute(Path executable, Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(executable.getFileName() + " did not finish: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path find(String variable, String name) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
