package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The hosted CI workflow (.github/workflows) runs what infra/README.md says: the default suite exactly as .ci/run
 * does, and the suites against real images with -Pcontainers; and every workflow file is valid for GitHub Actions,
 * checked by action-validator (its JSON schema of workflows), which {@code npm ci --prefix infra/tools} installs.
 */
class HostedCiWorkflowTest {

    private static final Path WORKFLOWS = RepositoryFiles.root().resolve(".github/workflows");

    @Test
    void oneJobRunsTheDefaultSuiteAsCiDoesAndOneRunsItAgainstRealImages() throws IOException {
        JsonNode jobs = YAMLMapper.builder().build().readTree(WORKFLOWS.resolve("ci.yml").toFile()).path("jobs");
        List<String> runs = new ArrayList<>();
        jobs.forEach(job -> job.path("steps").forEach(step -> runs.add(step.path("run").asString(""))));

        assertThat(runs).contains("bash .ci/run").anyMatch(run -> run.startsWith("./mvnw -B verify -Pcontainers"));
        assertThat(Files.readString(RepositoryFiles.root().resolve("infra/README.md")))
                .as("infra/README.md says what the hosted jobs run").contains(".github/workflows/ci.yml")
                .contains("-Pcontainers");
    }

    @Test
    void everyWorkflowIsValidForGithubActions() throws Exception {
        Path validator = validator();
        List<Path> files = workflows();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(validate(validator, file)).as("action-validator on %s", file).isEmpty();
        }
    }

    @Test
    void aBrokenWorkflowIsRefused(@TempDir Path dir) throws Exception {
        Path validator = validator();
        Path broken = dir.resolve("ci.yml");
        Files.writeString(broken, Files.readString(WORKFLOWS.resolve("ci.yml")).replace("runs-on:", "runs_on:"));

        assertThat(validate(validator, broken)).as("a job without runs-on").isNotEmpty();
    }

    private static Path validator() {
        Optional<Path> found = RepositoryFiles.tool("action-validator");
        assumeTrue(found.isPresent(), "action-validator is not installed (npm ci --prefix infra/tools): the workflow"
                + " files are not linted");
        return found.get();
    }

    private static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** What the validator says is wrong; empty when it accepts the file. */
    private static String validate(Path validator, Path file) throws IOException, InterruptedException {
        ToolRun ran = ToolRun.of(Duration.ofSeconds(60), List.of(validator.toString(), file.toString()));
        String said = ran.out() + ran.err();
        return ran.exit() == 0 ? "" : said.isBlank() ? "exit " + ran.exit() : said;
    }
}
