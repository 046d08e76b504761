package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images the root pom's {@code images} profile builds: non-root, sized from the container's memory, each exposing
 * the port its service really listens on, probes named in labels. When image tarballs exist (after
 * {@code ./mvnw -DskipTests -Dimages package}), their configuration is checked too.
 */
class ImageBuildTest {

    private final ImageBuild build = ImageBuild.load();

    @Test
    void imagesRunAsANonRootUserWithContainerAwareMemory() {
        String user = build.jib("container.user");
        assertThat(user).matches("\\d+:\\d+");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
        List<String> flags = build.jibList("container.jvmFlags", "jvmFlag");
        assertThat(flags).anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage="));
        assertThat(flags).noneMatch(f -> f.startsWith("-Xmx"));
        // the collector is chosen, not left to ergonomics that pick the serial one in a 1 GiB pod
        assertThat(flags).contains("-XX:+UseG1GC");
        assertThat(build.labels()).containsEntry("news.platform.liveness", "/actuator/health/liveness")
                .containsEntry("news.platform.readiness", "/actuator/health/readiness");
    }

    @Test
    void eachImageExposesThePortsItsServiceListensOn() {
        for (ServiceConfig service : ServiceConfig.all()) {
            assertThat(build.port(service.module())).as(service.module()).isEqualTo(service.port());
            assertThat(build.managementPort(service.module())).as(service.module()).isEqualTo(service.managementPort());
        }
    }

    @Test
    void theProbePathsOfTheLabelsAreWhereTheServicesAnswer() {
        for (ServiceConfig service : ServiceConfig.all()) {
            assertThat(service.valueOf("management.endpoint.health.probes.enabled")).isEqualTo("true");
            assertThat(service.properties()).doesNotContainKey("management.endpoints.web.base-path");
            assertThat(service.managementPort()).as(service.name() + ": Actuator on its port + 1000, never the service port")
                    .isEqualTo(service.port() + 1000);
            assertThat(service.readiness()).as(service.name() + " readiness group").contains("readinessState");
        }
    }

    @Test
    void builtImageTarballsCarryThatConfiguration() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        int checked = 0;
        for (ServiceConfig service : ServiceConfig.all()) {
            Path tar = Repository.ROOT.resolve(service.module()).resolve("target/image/" + service.module() + ".tar");
            if (!Files.exists(tar)) {
                continue;
            }
            Map<String, byte[]> entries = Tar.read(tar, name -> name.equals("manifest.json") || name.endsWith(".json"));
            JsonNode manifest = json.readTree(entries.get("manifest.json")).get(0);
            assertThat(manifest.get("RepoTags").get(0).asString()).isEqualTo(build.image(service.module()));
            JsonNode config = json.readTree(entries.get(manifest.get("Config").asString())).get("config");
            assertThat(config.get("User").asString()).isEqualTo(build.jib("container.user"));
            assertThat(config.get("ExposedPorts").has(service.port() + "/tcp")).as(service.module()).isTrue();
            assertThat(config.get("ExposedPorts").has(service.managementPort() + "/tcp")).as(service.module()).isTrue();
            assertThat(config.get("Entrypoint").toString()).contains("-XX:MaxRAMPercentage=");
            checked++;
        }
        Assumptions.assumeTrue(checked > 0, "no image tarball built (./mvnw -B -DskipTests -Dimages package)");
    }
}
