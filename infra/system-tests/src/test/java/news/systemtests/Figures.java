package news.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import news.testsupport.RepositoryFiles;

/**
 * The figures a run measured (events, faults, bad inputs, lost, double-counted, 5xx, latencies), printed as they come
 * and written to {@code target/system-stack-figures.md} at the end, from where they go to {@code docs/reliability.md}.
 */
final class Figures {

    private static final List<String> LINES = new ArrayList<>();

    private Figures() {
    }

    static synchronized void record(String test, String what, Object value) {
        String line = "| " + test + " | " + what + " | " + value + " |";
        LINES.add(line);
        System.out.println("[system] " + test + ": " + what + " = " + value);
    }

    static synchronized void write() {
        if (LINES.isEmpty()) {
            return;
        }
        List<String> out = new ArrayList<>();
        out.add("# System test figures, suite " + Suite.NAME + ", " + Instant.now());
        out.add("");
        out.add("| test | figure | value |");
        out.add("|---|---|---|");
        out.addAll(LINES);
        out.add("| run | HTTP answers by status (-1: no connection) | " + Api.statuses() + " |");
        try {
            Path file = RepositoryFiles.root().resolve("infra/system-tests/target/system-stack-figures-"
                    + Suite.NAME + ".md");
            Files.createDirectories(file.getParent());
            Files.write(file, out);
            System.out.println("[system] figures written to " + file);
        } catch (IOException e) {
            System.out.println("[system] cannot write the figures: " + e);
        }
    }
}
