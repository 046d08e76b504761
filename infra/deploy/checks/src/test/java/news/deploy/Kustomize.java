package news.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the Kustomize that is on this machine: {@code kustomize build} or
 * {@code kubectl kustomize}. Neither is part of a JDK-only machine; the checks that need one skip without it.
 */
final class Kustomize {

    private static final Optional<List<String>> COMMAND = find();

    private Kustomize() {
    }

    static boolean available() {
        return COMMAND.isPresent();
    }

    static String description() {
        return COMMAND.map(c -> String.join(" ", c)).orElse("none");
    }

    static List<Map<String, Object>> render(Path kustomization) {
        List<String> command = new ArrayList<>(COMMAND.orElseThrow());
        command.add(kustomization.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                String version = version();
                org.junit.jupiter.api.Assumptions.assumeTrue(version.matches("(?s).*v[5-9]\\..*"),
                        "the Kustomize on this machine is too old for these manifests (" + version.trim()
                                + "; needs v5, kubectl 1.27+): " + err);
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
            }
            return Yaml.documents(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code KUSTOMIZE} (a command, e.g. "kustomize build"), else kustomize, else kubectl (it has had kustomize since 1.14). */
    /** What the tool says of its Kustomize version (kubectl 1.24+ prints "Kustomize Version: v5.x"). */
    private static String version() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(COMMAND.orElseThrow());
        if (command.get(command.size() - 1).equals("kustomize")) {
            command.set(command.size() - 1, "version");
            command.add("--client");
        } else {
            command.set(command.size() - 1, "version");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static Optional<List<String>> find() {
        String configured = System.getenv("KUSTOMIZE");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(List.of(configured.trim().split("\\s+")));
        }
        Optional<Path> kustomize = onPath("kustomize");
        if (kustomize.isPresent()) {
            return Optional.of(List.of(kustomize.get().toString(), "build"));
        }
        return onPath("kubectl").map(k -> List.of(k.toString(), "kustomize"));
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
