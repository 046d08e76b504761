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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spectral's AsyncAPI rules ({@code spectral:asyncapi}) on asyncapi.yaml and its OpenAPI rules ({@code spectral:oas})
 * on the services' checked-in OpenAPI documents: no error, no warning. Spectral is an npm
 * tool: {@code npm ci --prefix infra/tools} installs it (.ci/run does when npm is there); without it this test is
 * skipped, saying so.
 */
class SpectralLintTest {

    private static final Path ROOT = RepositoryFiles.root();
    private static final Path CONTRACTS = ROOT.resolve("infra/contracts");
    private static Path spectral;

    @BeforeAll
    static void spectralIsInstalled() {
        Optional<Path> found = RepositoryFiles.tool("spectral");
        assumeTrue(found.isPresent(), "Spectral is not installed (npm ci --prefix infra/tools): the AsyncAPI document is"
                + " not linted");
        spectral = found.get();
    }

    @Test
    void theAsyncApiDocumentHasNoErrorAndNoWarning() throws Exception {
        assertThat(problems(CONTRACTS.resolve("asyncapi.yaml"), "spectral-asyncapi.yaml")).isEmpty();
    }

    @Test
    void theServicesOpenApiDocumentsHaveNoErrorAndNoWarning() throws Exception {
        List<Path> documents;
        try (Stream<Path> files = Files.list(CONTRACTS.resolve("openapi"))) {
            documents = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(documents).hasSize(4);
        for (Path document : documents) {
            assertThat(problems(document, "spectral-openapi.yaml")).as("Spectral on %s", document).isEmpty();
        }
    }

    @Test
    void aDocumentWithoutOperationDescriptionsOrContactIsWarnedAbout(@TempDir Path copy) throws Exception {
        copyContracts(copy);
        String text = Files.readString(copy.resolve("asyncapi.yaml"));
        Files.writeString(copy.resolve("asyncapi.yaml"), text
                .replaceAll("(?m)^    description: .*\\n(?=    channel:)", "")
                .replaceAll("(?m)^    email: .*\\n", ""));

        assertThat(problems(copy.resolve("asyncapi.yaml"), "spectral-asyncapi.yaml"))
                .anyMatch(p -> p.contains("asyncapi-3-operation-description"))
                .anyMatch(p -> p.contains("asyncapi-info-contact-properties"));
    }

    /** Errors and warnings (not infos or hints), each as "severity code path: message". */
    private static List<String> problems(Path document, String ruleset) throws IOException, InterruptedException {
        Path out = Files.createTempFile("spectral", ".json");
        try {
            ToolRun.of(Duration.ofSeconds(120), List.of(spectral.toString(), "lint", "--quiet", "--format", "json",
                    "--output", out.toString(), "--fail-severity", "error",
                    "--ruleset", CONTRACTS.resolve(ruleset).toString(), document.toString()));
            List<String> problems = new ArrayList<>();
            for (JsonNode result : JsonMapper.builder().build().readTree(Files.readString(out))) {
                int severity = result.path("severity").asInt();
                if (severity <= 1) {
                    problems.add((severity == 0 ? "error " : "warning ") + result.path("code").asString() + " "
                            + result.path("path").toString() + ": " + result.path("message").asString());
                }
            }
            return problems;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void copyContracts(Path target) throws IOException {
        Files.copy(CONTRACTS.resolve("asyncapi.yaml"), target.resolve("asyncapi.yaml"));
        for (String dir : List.of("schemas", "examples")) {
            Files.createDirectories(target.resolve(dir));
            try (Stream<Path> files = Files.list(CONTRACTS.resolve(dir))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(dir).resolve(file.getFileName()));
                }
            }
        }
    }
}
