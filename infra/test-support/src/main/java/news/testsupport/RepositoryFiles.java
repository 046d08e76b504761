package news.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Where tests find the repository's files and the command-line tools some of them run. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /**
     * The repository's root: the nearest directory that holds {@code mvnw} from {@code -Dnews.root} up, where a module's
     * pom sets it, else from the working directory up.
     */
    public static Path root() {
        String given = System.getProperty("news.root");
        Path start = (given != null && !given.startsWith("${") ? Path.of(given) : Path.of("")).toAbsolutePath().normalize();
        Path dir = start;
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the repository: no mvnw above " + start);
        }
        return dir;
    }

    /** The text of a file the test needs; one that cannot be read fails the test, naming it. */
    public static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** A tool from infra/tools (npm ci --prefix infra/tools) or else from the PATH; empty when neither has it. */
    public static Optional<Path> tool(String name) {
        Path local = root().resolve("infra/tools/node_modules/.bin").resolve(name);
        if (Files.isExecutable(local)) {
            return Optional.of(local);
        }
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
