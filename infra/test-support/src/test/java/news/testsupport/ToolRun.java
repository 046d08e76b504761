package news.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command-line tool run to its end by a test (kcat, Spectral, action-validator): exit code, stdout and stderr. */
record ToolRun(int exit, String out, String err) {

    /** Runs {@code command}; a tool still running after {@code timeout} is killed and fails the test. */
    static ToolRun of(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-run", ".out");
        Path err = Files.createTempFile("tool-run", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not end within " + timeout + ": " + Files.readString(err));
            }
            return new ToolRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
