package news.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipes of docs/analytics.md as their tests run them: a fenced block whose first line is
 * {@code # recipe: NAME} (shell) or {@code // recipe: NAME} (Java), found by its name.
 */
final class DocRecipes {

    static final Path ANALYTICS = RepositoryFiles.root().resolve("docs/analytics.md");

    private DocRecipes() {
    }

    /** The lines of the named recipe, its marker line included, without the fences. */
    static List<String> recipe(Path doc, String name) {
        List<String> lines = read(doc);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if ((line.equals("# recipe: " + name) || line.equals("// recipe: " + name)) && i > 0
                    && lines.get(i - 1).startsWith("```")) {
                List<String> block = new ArrayList<>();
                for (int j = i; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                    block.add(lines.get(j));
                }
                return block;
            }
        }
        throw new AssertionError("No recipe '" + name + "' in " + doc + ": a fenced block starting with its marker line");
    }

    /** The lines of {@code source} from the marker {@code // recipe: NAME} up to {@code // end of recipe}, dedented. */
    static List<String> codeOf(Path source, String name) {
        List<String> lines = read(source);
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// recipe: " + name)) {
                from = i;
            } else if (from >= 0 && lines.get(i).strip().equals("// end of recipe")) {
                List<String> block = lines.subList(from, i);
                int indent = lines.get(from).indexOf('/');
                return block.stream().map(l -> l.length() >= indent && l.substring(0, indent).isBlank()
                        ? l.substring(indent) : l.strip()).map(String::stripTrailing).toList();
            }
        }
        throw new AssertionError("No code between '// recipe: " + name + "' and '// end of recipe' in " + source);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::stripTrailing).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
