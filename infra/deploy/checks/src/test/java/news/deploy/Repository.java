package news.deploy;

import java.nio.file.Path;

import news.testsupport.RepositoryFiles;

/** The repository the checks read ({@link RepositoryFiles#root()}: the module's pom names it in {@code -Dnews.root}). */
final class Repository {

    static final Path ROOT = RepositoryFiles.root();
    static final Path DEPLOY = ROOT.resolve("infra/deploy");
    static final Path K8S = DEPLOY.resolve("k8s");

    private Repository() {
    }

    static String read(Path path) {
        return RepositoryFiles.read(path);
    }

    static String read(String relative) {
        return read(ROOT.resolve(relative));
    }
}
