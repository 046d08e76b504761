package news.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the local runtime with its output in a log file. Knows the signals the runtime and the
 * reliability tests need: TERM (stop), KILL (crash), STOP/CONT (freeze, thaw).
 */
public class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile Process process;

    public ManagedProcess(String name, List<String> command, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** SIGTERM, then SIGKILL if the process has not ended within the grace period. */
    public void stop(Duration grace) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        thaw();
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** Stops {@code processes}, the last started first, each as {@link #stop} does. */
    public static void stopAll(List<ManagedProcess> processes, Duration grace) {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop(grace);
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        thaw();
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: the process keeps its sockets open but answers nothing, like a hung machine. */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    /** Exit code once ended, or null while running. */
    public Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    private void signal(String signal) {
        if (!isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + pid() + ")" : " (not running)");
    }
}
