package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository explains itself: whoever clones it can follow every reference in it. No text points at documents
 * outside the repository (a sibling {@code shared} folder, a design document kept elsewhere, its numbered sections) or
 * at a tracker's issue numbers; say what the thing is, and link the page of {@code docs/} that says it. Every relative
 * link of a Markdown page leads to a file or folder inside the repository.
 */
class RepositoryTextTest {

    /** Folders that are built, downloaded or local state, never part of a clone. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules", ".data", ".idea",
            ".vscode", ".mvn");

    private static final Set<String> TEXT_ENDINGS = Set.of(".java", ".md", ".yml", ".yaml", ".sh", ".xml", ".json",
            ".properties", ".conf", ".lua", ".html", ".js", ".css", ".txt", ".cfg");

    private static final List<Pattern> OUTSIDE_REFERENCES = List.of(
            Pattern.compile("\\.\\./shared/"),
            Pattern.compile("\\bshared/[A-Z]+\\.md"),
            Pattern.compile("\\bDESIGN\\b"),
            Pattern.compile("(?i)\\bissues?\\s+#?\\d"),
            Pattern.compile("(?<=^|[\\s(\\[])#\\d+\\b(?![\\da-fA-F])"),
            // the tools of one developer's machine, which a clone does not have
            Pattern.compile("/work/(bin|main|wt)/"));

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void noTextReferencesADocumentOutsideTheRepositoryOrAnIssueNumber() {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Pattern pattern : OUTSIDE_REFERENCES) {
                    Matcher m = pattern.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(Repository.ROOT.relativize(file) + ":" + (i + 1) + ": \"" + m.group() + "\" in: "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(found)
                .as("references a clone cannot follow: say what the thing is and link the page of docs/ that says it")
                .isEmpty();
    }

    @Test
    void everyRelativeLinkOfAMarkdownPageLeadsToAFileInsideTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path file : textFiles()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MARKDOWN_LINK.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.startsWith("#") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // an anchor of the same page, or http:, https:, mailto:
                    }
                    String path = target.replaceFirst("#.*$", "");
                    Path resolved = file.getParent().resolve(path).normalize();
                    if (!resolved.startsWith(Repository.ROOT) || !Files.exists(resolved)) {
                        broken.add(Repository.ROOT.relativize(file) + ":" + (i + 1) + ": " + target);
                    }
                }
            }
        }
        assertThat(broken).as("links that lead outside the repository or to nothing").isEmpty();
    }

    @Test
    void theCheckSeesTheWholeRepository() {
        // a walk that silently found nothing would pass the checks above whatever the text says
        assertThat(textFiles()).extracting(f -> Repository.ROOT.relativize(f).toString().replace('\\', '/'))
                .contains("README.md", "docs/product.md", "pom.xml", "infra/contracts/topics.yaml",
                        "gateway/src/main/resources/application.yml");
    }

    private static List<Path> textFiles() {
        try (Stream<Path> walk = Files.walk(Repository.ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        for (Path part : Repository.ROOT.relativize(f)) {
                            if (SKIPPED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        String name = f.getFileName().toString();
                        return TEXT_ENDINGS.stream().anyMatch(name::endsWith) || name.equals("Dockerfile")
                                || name.equals("platform") || name.equals("run");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
