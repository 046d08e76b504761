package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What ships is listed by the build, not by hand: every module writes a CycloneDX SBOM into its jar
 * ({@code META-INF/sbom/application.cdx.json}, Spring Boot's SBOM support), and {@code docs/security.md} points at
 * those files and says how to scan them instead of keeping a version table that goes stale.
 */
class SoftwareBillOfMaterialsTest {

    static final String SBOM = "target/classes/META-INF/sbom/application.cdx.json";
    private static final Pattern VERSION_CELL = Pattern.compile("(?m)^\\|.*\\|\\s*\\d+\\.\\d+[^|]*\\|");

    @Test
    void theRootBuildRunsTheCycloneDxPluginInEveryModuleButItsOwnAggregatorPom() {
        String pom = Repository.read("pom.xml");
        String build = between(pom.substring(pom.indexOf("<build>")), "</pluginManagement>", "</build>");
        Matcher plugin = Pattern.compile("(?s)<plugin>\\s*<groupId>org\\.cyclonedx</groupId>\\s*"
                + "<artifactId>cyclonedx-maven-plugin</artifactId>(.*?)</plugin>").matcher(build);
        assertThat(plugin.find()).as("the root build's plugins (not only pluginManagement, not a profile) run"
                + " cyclonedx-maven-plugin, with the execution the Spring Boot parent configures").isTrue();
        assertThat(plugin.group(1)).contains("<phase>none</phase>").contains("<inherited>false</inherited>");
    }

    @Test
    void theSecurityDocumentKeepsNoVersionTableAndPointsAtTheBomsAndHowToScanThem() {
        String dependencies = between(Repository.read("docs/security.md"), "## Dependencies", "\n## ");
        assertThat(VERSION_CELL.matcher(dependencies).find()).as("a hand-written table of library versions").isFalse();
        for (String service : ServiceConfig.MODULES) {
            assertThat(dependencies).contains(service + "/");
        }
        assertThat(dependencies).contains(SBOM.replace("target/classes/", "")).contains("osv-scanner").contains("grype");
    }

    /** The launcher is built before these checks in the reactor (a dependency), so its SBOM is there when they run. */
    @Test
    void aBuiltModulesSbomListsWhatItShipsWithVersionsAndTheGatewayShipsThePinnedNetty() throws Exception {
        Path launcher = Repository.ROOT.resolve("infra/launcher").resolve(SBOM);
        Assumptions.assumeTrue(Files.isDirectory(Repository.ROOT.resolve("infra/launcher/target/classes")),
                "infra/launcher is not built in this tree (run with -am): no SBOM to read");
        assertThat(launcher).as("the SBOM the launcher's build writes").exists();
        JsonNode bom = JsonMapper.shared().readTree(launcher.toFile());
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asString()).isEqualTo("launcher");
        List<JsonNode> components = components(bom);
        assertThat(components).isNotEmpty().allSatisfy(c -> {
            assertThat(c.path("version").asString()).isNotBlank();
            assertThat(c.path("purl").asString()).startsWith("pkg:maven/");
        });
        Path gateway = Repository.ROOT.resolve("gateway").resolve(SBOM);
        if (Files.exists(gateway)) {
            Matcher netty = Pattern.compile("<netty.version>([^<]+)</netty.version>").matcher(Repository.read("pom.xml"));
            assertThat(netty.find()).isTrue();
            assertThat(components(JsonMapper.shared().readTree(gateway.toFile())).stream()
                    .filter(c -> c.path("group").asString().equals("io.netty")
                            && !c.path("name").asString().startsWith("netty-tcnative"))
                    .map(c -> c.path("version").asString()))
                    .as("the gateway ships the Netty the root pom pins").isNotEmpty().containsOnly(netty.group(1));
        }
    }

    private static List<JsonNode> components(JsonNode bom) {
        List<JsonNode> components = new java.util.ArrayList<>();
        bom.path("components").forEach(components::add);
        return components;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }
}
