package news.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the checks read: {@code -Dnews.root} (set by the module's pom), else found from the working dir. */
final class Repository {

    static final Path ROOT = locate();
    static final Path DEPLOY = ROOT.resolve("infra/deploy");
    static final Path K8S = DEPLOY.resolve("k8s");

    private Repository() {
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    static String read(String relative) {
        return read(ROOT.resolve(relative));
    }

    private static Path locate() {
        String configured = System.getProperty("news.root");
        Path start = Path.of(configured == null ? "." : configured).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("infra/contracts/topics.yaml")) && Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("No repository root above " + start);
    }
}
