package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Production MongoDB ({@code overlays/production/mongodb.yaml}): authentication and TLS on, one user per service that
 * keeps data, with readWrite on exactly its own database ({@code spring.mongodb.database} of its application.yml),
 * its password from a Secret, its connection string written where the service's MONGODB_URI reads it.
 */
class MongoUsersTest {

    private final Map<String, Object> replicaSet =
            Yaml.document(Repository.K8S.resolve("overlays/production/mongodb.yaml"));

    @Test
    void theReplicaSetHasThreeMembersAuthenticationAndTls() {
        assertThat(Yaml.at(replicaSet, "spec.members")).isEqualTo(3);
        assertThat(Yaml.string(replicaSet, "spec.type")).isEqualTo("ReplicaSet");
        assertThat(Yaml.list(replicaSet, "spec.security.authentication.modes")).contains("SCRAM");
        assertThat(Yaml.at(replicaSet, "spec.security.tls.enabled")).isEqualTo(true);
    }

    static final String EXPORTER = "mongodb-exporter";

    @Test
    void theMetricsExporterMayOnlyMonitorAndReadsItsConnectionStringFromTheSecretTheOperatorWrites() {
        Map<String, Object> user = Yaml.maps(replicaSet, "spec.users").stream().filter(u -> EXPORTER.equals(u.get("name")))
                .findFirst().orElseThrow();
        assertThat(Yaml.maps(user, "roles")).containsExactlyInAnyOrder(Map.of("name", "clusterMonitor", "db", "admin"),
                Map.of("name", "read", "db", "local"));
        assertThat(Yaml.string(user, "connectionStringSecretName")).isEqualTo(EXPORTER + "-mongodb");
        Map<String, Object> deployment = Yaml.documents(Repository.K8S.resolve("overlays/production/mongodb-exporter.yaml"))
                .stream().filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> container = Yaml.maps(deployment, "spec.template.spec.containers").get(0);
        assertThat(Yaml.maps(container, "env")).anySatisfy(env -> assertThat(Yaml.string(env, "valueFrom.secretKeyRef.name"))
                .isEqualTo(EXPORTER + "-mongodb"));
        assertThat(Yaml.list(container, "args")).contains("--compatible-mode");
    }

    @Test
    void everyServiceWithDataHasItsOwnUserWithReadWriteOnItsOwnDatabaseOnly() {
        List<Map<String, Object>> users = Yaml.maps(replicaSet, "spec.users");
        List<ServiceConfig> withData = ServiceConfig.all().stream().filter(ServiceConfig::usesMongo).toList();
        assertThat(withData).extracting(ServiceConfig::name).contains("article-service", "comment-service");
        List<String> expected = new java.util.ArrayList<>(withData.stream().map(ServiceConfig::name).toList());
        expected.add(EXPORTER);
        assertThat(users).extracting(u -> u.get("name")).containsExactlyInAnyOrderElementsOf(expected);
        for (ServiceConfig service : withData) {
            Map<String, Object> user = users.stream().filter(u -> service.name().equals(u.get("name"))).findFirst().orElseThrow();
            assertThat(Yaml.maps(user, "roles")).as(service.name())
                    .containsExactly(Map.of("name", "readWrite", "db", service.mongoDatabase()));
            assertThat(Yaml.string(user, "passwordSecretRef.name")).isEqualTo(service.name() + "-mongodb-password");
            assertThat(Yaml.string(user, "connectionStringSecretName")).isEqualTo(service.name() + "-mongodb");
        }
    }
}
