package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import news.testsupport.TestInfrastructure;

/**
 * {@code infra/deploy/compose.yaml}: three KRaft brokers (RF 3, min.insync.replicas 2), a three-member MongoDB
 * replica set with its init step, topics from the topic list, two instances of every service configured with what it
 * really reads, Prometheus and Grafana from {@code infra/observability}. {@code docker compose config} (or the
 * Debian {@code docker-compose}) validates the file where one is installed; without one that check is skipped.
 */
class ComposeStackTest {

    private static final Path COMPOSE = Repository.DEPLOY.resolve("compose.yaml");
    private final Map<String, Object> compose = Yaml.document(COMPOSE);
    private final Map<String, Object> services = Yaml.map(compose, "services");
    private final ImageBuild images = ImageBuild.load();

    @Test
    void threeKraftBrokersReplicateEverythingThreeTimesAndNeedTwoInSync() {
        Map<String, Map<String, Object>> brokers = servicesWhere(s -> env(s).containsKey("KAFKA_PROCESS_ROLES"));
        assertThat(brokers).hasSize(3);
        Set<Object> nodeIds = new HashSet<>();
        Set<Object> clusterIds = new HashSet<>();
        brokers.forEach((name, broker) -> {
            Map<String, Object> env = env(broker);
            assertThat(broker.get("image")).isEqualTo(TestInfrastructure.KAFKA_IMAGE);
            assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).contains("broker").contains("controller");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://" + name + ":9092");
            assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            String voters = String.valueOf(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            brokers.keySet().forEach(other -> assertThat(voters).contains("@" + other + ":9093"));
            assertThat(voters).contains(env.get("KAFKA_NODE_ID") + "@" + name + ":");
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            clusterIds.add(env.get("CLUSTER_ID"));
            assertThat(Yaml.list(broker, "volumes")).anyMatch(v -> String.valueOf(v).endsWith(":" + env.get("KAFKA_LOG_DIRS")));
        });
        assertThat(nodeIds).hasSize(3);
        assertThat(clusterIds).hasSize(1);
    }

    @Test
    void topicsAreCreatedFromTheTopicListOnceTheBrokersAreHealthy() {
        Map<String, Object> job = service("kafka-topics");
        assertThat(Yaml.list(job, "volumes")).contains("./" + TopicArtifacts.SCRIPT + ":/news/create-topics.sh:ro");
        assertThat(Yaml.list(job, "entrypoint")).contains("/news/create-topics.sh");
        assertThat(env(job)).containsEntry("REPLICATION_FACTOR", "3");
        servicesWhere(s -> env(s).containsKey("KAFKA_PROCESS_ROLES")).keySet().forEach(broker -> {
            assertThat(Yaml.string(job, "depends_on." + broker + ".condition")).isEqualTo("service_healthy");
            assertThat(String.valueOf(env(job).get("BOOTSTRAP_SERVERS"))).contains(broker + ":9092");
        });
    }

    @Test
    void mongoDbRunsAsAThreeMemberReplicaSetThatAnInitStepInitiates() {
        Map<String, Map<String, Object>> members = servicesWhere(s -> String.valueOf(s.get("command")).contains("--replSet"));
        assertThat(members).hasSize(3);
        String init = Repository.read(Repository.DEPLOY.resolve("mongo/init-replica-set.js"));
        Set<String> names = new HashSet<>();
        members.forEach((name, member) -> {
            assertThat(member.get("image")).isEqualTo(TestInfrastructure.MONGO_IMAGE);
            List<Object> command = Yaml.list(member, "command");
            names.add(String.valueOf(command.get(command.indexOf("--replSet") + 1)));
            assertThat(init).contains("\"" + name + ":27017\"");
        });
        assertThat(names).hasSize(1);
        assertThat(init).contains("_id: \"" + names.iterator().next() + "\"");
        Map<String, Object> initStep = service("mongo-init");
        assertThat(Yaml.list(initStep, "volumes")).contains("./mongo/init-replica-set.js:/news/init-replica-set.js:ro");
        members.keySet().forEach(m -> assertThat(Yaml.string(initStep, "depends_on." + m + ".condition")).isEqualTo("service_healthy"));
    }

    @Test
    void everyServiceRunsTwiceFromItsImageWithWhatItReads() {
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, Map<String, Object>> instances = instancesOf(service);
            int count = instances.values().stream().mapToInt(s -> ((Number) Optional.ofNullable(Yaml.at(s, "deploy.replicas")).orElse(1)).intValue()).sum();
            assertThat(count).as(service.name() + " instances").isGreaterThanOrEqualTo(2);
            instances.forEach((name, instance) -> {
                Map<String, Object> env = env(instance);
                env.keySet().forEach(variable -> assertThat(service.reads(variable))
                        .as("%s sets %s, which %s does not read", name, variable, service.name()).isTrue());
                assertThat(String.valueOf(env.get("KAFKA_BOOTSTRAP_SERVERS")))
                        .contains("kafka-1:9092").contains("kafka-2:9092").contains("kafka-3:9092");
                if (service.usesMongo()) {
                    String uri = String.valueOf(env.get("MONGODB_URI"));
                    assertThat(uri).contains("replicaSet=news").contains("mongo-1:27017").contains("mongo-2:27017").contains("mongo-3:27017");
                    assertThat(Yaml.string(instance, "depends_on.mongo-init.condition")).isEqualTo("service_completed_successfully");
                } else {
                    assertThat(env).doesNotContainKey("MONGODB_URI");
                }
                assertThat(Yaml.string(instance, "depends_on.kafka-topics.condition")).isEqualTo("service_completed_successfully");
                String health = String.valueOf(Yaml.at(instance, "healthcheck.test"));
                assertThat(health).contains("/actuator/health/readiness").contains("127.0.0.1/" + service.managementPort());
                assertThat(Yaml.list(instance, "ports")).as(name + " publishes no management port")
                        .noneMatch(p -> String.valueOf(p).endsWith(":" + service.managementPort()));
                assertThat(Yaml.string(instance, "deploy.resources.limits.memory")).isNotNull();
            });
        }
    }

    @Test
    void rankingInstancesAdvertiseTheirOwnNamesAndKeepTheirStateOnVolumes() {
        ServiceConfig ranking = ServiceConfig.named("ranking-service");
        Map<String, Map<String, Object>> instances = instancesOf(ranking);
        assertThat(instances).hasSizeGreaterThanOrEqualTo(2);
        Set<Object> hosts = new HashSet<>();
        Set<Object> dirs = new HashSet<>();
        Set<String> volumeNames = Yaml.map(compose, "volumes").keySet();
        instances.forEach((name, instance) -> {
            Map<String, Object> env = env(instance);
            assertThat(env.get("NEWS_ADVERTISED_HOST")).isEqualTo(instance.get("hostname"));
            String dir = String.valueOf(env.get("NEWS_RANKING_STATE_DIR"));
            assertThat(Yaml.list(instance, "volumes")).anyMatch(v -> volumeNames.contains(String.valueOf(v).split(":")[0])
                    && (dir + "/").startsWith(String.valueOf(v).split(":")[1] + "/"));
            assertThat(env).containsEntry("NEWS_KAFKA_REPLICATION_FACTOR", "3");
            hosts.add(env.get("NEWS_ADVERTISED_HOST"));
            dirs.add(dir);
        });
        assertThat(hosts).hasSameSizeAs(instances.keySet());
        assertThat(dirs).hasSameSizeAs(instances.keySet());
    }

    @Test
    void theGatewayReachesEveryServiceByANameThatResolvesToItsInstances() {
        ServiceConfig gateway = ServiceConfig.named("gateway");
        Pattern placeholder = Pattern.compile("^\\$\\{([A-Z_]+):(.+)}$");
        for (Map<String, Object> instance : instancesOf(gateway).values()) {
            for (Map.Entry<String, String> property : gateway.properties().entrySet()) {
                Matcher p = placeholder.matcher(property.getValue());
                if (!property.getKey().startsWith("news.gateway.services.") || !p.matches()) {
                    continue;
                }
                int port = URI.create(p.group(2)).getPort();
                ServiceConfig target = ServiceConfig.all().stream().filter(s -> s.port() == port).findFirst().orElseThrow();
                URI url = URI.create(String.valueOf(env(instance).get(p.group(1))));
                assertThat(url.getPort()).isEqualTo(target.port());
                Map<String, Map<String, Object>> reached = servicesWhere(s -> false);
                services.forEach((name, s) -> {
                    Map<String, Object> svc = asMap(s);
                    List<Object> aliases = Yaml.list(svc, "networks.default.aliases");
                    if (name.equals(url.getHost()) || aliases.contains(url.getHost())) {
                        reached.put(name, svc);
                    }
                });
                assertThat(reached).as(p.group(1) + "=" + url).isNotEmpty();
                assertThat(reached.keySet()).allMatch(name -> instancesOf(target).containsKey(name));
            }
        }
    }

    /**
     * The gateways are the edge (their default trusts loopback only, a proxy put in front is named through
     * {@code NEWS_TRUSTED_PROXIES}); article-service and comment-service believe the {@code X-Forwarded-For} of peers
     * on the stack's network, whose subnet is fixed for that: the gateways. Finding 4 of docs/security.md.
     */
    @Test
    void theServicesBelieveTheGatewaysOnTheStacksNetworkAndTheGatewaysNoProxyByDefault() {
        List<Map<String, Object>> subnets = Yaml.maps(compose, "networks.default.ipam.config");
        assertThat(subnets).as("a fixed subnet of the default network").hasSize(1);
        String subnet = withDefaults(String.valueOf(subnets.get(0).get("subnet")));
        AddressRanges network = AddressRanges.parse(subnet);
        assertThat(network.beyondLoopback()).isTrue();
        assertThat(network.trustsThePublicInternet()).isFalse();
        ServiceConfig.TRUSTED_PROXIES.forEach((name, property) -> {
            ServiceConfig service = ServiceConfig.named(name);
            Map<String, Map<String, Object>> instances = instancesOf(service);
            assertThat(instances).as(name).isNotEmpty();
            instances.forEach((instanceName, instance) -> {
                Map<String, Object> env = env(instance);
                String variable = service.variablesFor(property).stream().filter(env::containsKey).findFirst()
                        .orElseThrow(() -> new AssertionError(instanceName + " is not told which proxies to trust ("
                                + property + ", one of " + service.variablesFor(property) + ")"));
                String value = withDefaults(String.valueOf(env.get(variable)));
                AddressRanges ranges = AddressRanges.parse(value);
                assertThat(ranges.trustsThePublicInternet()).as("%s %s=%s", instanceName, variable, value).isFalse();
                if (name.equals("gateway")) {
                    assertThat(ranges.beyondLoopback()).as("%s is the edge: %s=%s", instanceName, variable, value).isFalse();
                } else {
                    assertThat(ranges.ranges()).as("%s %s=%s trusts the gateways' network", instanceName, variable, value)
                            .containsAll(network.ranges());
                }
            });
        });
    }

    /**
     * Only the gateways (and Keycloak, whose issuer URL browsers and containers share) are published beyond the host;
     * Prometheus, Alertmanager and Grafana answer on its loopback only, Grafana with an admin password compose
     * requires and no anonymous access.
     */
    @Test
    void theObservabilityUisListenOnLoopbackOnlyAndGrafanaNeedsAPasswordWithoutADefault() {
        for (String name : List.of("prometheus", "alertmanager", "grafana")) {
            assertThat(Yaml.list(service(name), "ports")).as(name).isNotEmpty()
                    .allSatisfy(p -> assertThat(String.valueOf(p)).as(name).startsWith("127.0.0.1:"));
        }
        Map<String, Object> grafana = env(service("grafana"));
        assertThat(String.valueOf(grafana.get("GF_SECURITY_ADMIN_PASSWORD")))
                .matches("\\$\\{GRAFANA_ADMIN_PASSWORD:\\?[^}]+}");
        assertThat(String.valueOf(grafana.get("GF_AUTH_ANONYMOUS_ENABLED"))).isEqualTo("false");
    }

    /**
     * Compose does not start without the services' secret keys (no default, no public key), as the services would not:
     * article-service's readerHash key and comment-service's author id key.
     */
    @Test
    void theSecretKeysAreRequiredFromTheEnvironmentWithoutADefault() {
        Map<String, String> keys = Map.of("NEWS_READERS_HASH_KEY", "article-service",
                "NEWS_COMMENTS_AUTHOR_KEY", "comment-service");
        keys.forEach((key, reader) -> {
            List<ServiceConfig> keyed = ServiceConfig.all().stream().filter(s -> s.reads(key)).toList();
            assertThat(keyed).as(key).extracting(ServiceConfig::name).containsExactly(reader);
            for (ServiceConfig service : keyed) {
                assertThat(instancesOf(service)).isNotEmpty();
                instancesOf(service).forEach((name, instance) -> assertThat(String.valueOf(env(instance).get(key)))
                        .as(name).matches("\\$\\{" + key + ":\\?[^}]+}"));
            }
        });
    }

    /** A compose value with every {@code ${NAME:-default}} replaced by its default. */
    private static String withDefaults(String value) {
        return value.replaceAll("\\$\\{[A-Za-z0-9_]+:-([^}]*)}", "$1");
    }

    @Test
    void prometheusAndGrafanaAreProvisionedFromInfraObservability() {
        assertThat(Yaml.list(service("prometheus"), "volumes"))
                .contains("../observability/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                        "../observability/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat(Yaml.list(service("grafana"), "volumes")).anyMatch(v -> String.valueOf(v).startsWith("../observability/grafana:"));
    }

    /**
     * On-call in the compose stack: Alertmanager with the routing of infra/observability (loopback only, like every
     * internal port), the webhook receiver its receivers name, and the exporters the Prometheus configuration scrapes.
     */
    @Test
    void alertsReachAlertmanagerAndItsReceiverAndTheBrokerAndStoreHaveExporters() {
        Map<String, Object> prometheus = Yaml.document(Repository.ROOT.resolve("infra/observability/prometheus.yml"));
        assertThat(String.valueOf(Yaml.at(prometheus, "alerting"))).contains("alertmanager:9093");
        Map<String, Object> alertmanager = service("alertmanager");
        assertThat(Yaml.list(alertmanager, "volumes"))
                .contains("../observability/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(Yaml.list(alertmanager, "ports")).allSatisfy(p -> assertThat(String.valueOf(p)).startsWith("127.0.0.1:"));
        String routing = Repository.read(Repository.ROOT.resolve("infra/observability/alertmanager.yml"));
        assertThat(routing).contains("http://alert-webhook:8080/page", "http://alert-webhook:8080/ticket");
        assertThat(Yaml.string(service("alert-webhook"), "environment.HTTP_PORT")).isEqualTo("8080");
        String scrape = String.valueOf(prometheus.get("scrape_configs"));
        assertThat(String.valueOf(Yaml.list(service("kafka-exporter"), "command")))
                .contains("--kafka.server=kafka-1:9092", "--kafka.server=kafka-2:9092", "--kafka.server=kafka-3:9092");
        assertThat(scrape).contains("kafka-exporter:9308", "mongodb-exporter:9216");
        assertThat(Yaml.list(service("mongodb-exporter"), "command")).contains("--compatible-mode");
        assertThat(String.valueOf(Yaml.at(service("mongodb-exporter"), "environment.MONGODB_URI")))
                .contains("mongo-1:27017", "mongo-2:27017", "mongo-3:27017");
    }

    @Test
    void dockerComposeAcceptsTheFile() throws IOException, InterruptedException {
        List<String> command = composeCommand();
        Assumptions.assumeTrue(!command.isEmpty(), "neither `docker compose` nor `docker-compose` is installed");
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-f", COMPOSE.toString(), "config", "-q"));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", full) + ": " + output).isZero();
    }

    private static List<String> composeCommand() throws InterruptedException {
        Optional<Path> docker = Kustomize.onPath("docker");
        if (docker.isPresent()) {
            try {
                Process p = new ProcessBuilder(docker.get().toString(), "compose", "version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return List.of(docker.get().toString(), "compose");
                }
            } catch (IOException e) {
                // no compose plugin
            }
        }
        return Kustomize.onPath("docker-compose").map(p -> List.of(p.toString())).orElse(List.of());
    }

    private Map<String, Map<String, Object>> instancesOf(ServiceConfig service) {
        String image = images.image(service.module());
        String repository = image.substring(0, image.indexOf(':') + 1);
        return servicesWhere(s -> String.valueOf(s.get("image")).startsWith(repository) && !s.containsKey("entrypoint")
                && imageTag(s).equals(image));
    }

    private String imageTag(Map<String, Object> s) {
        return String.valueOf(s.get("image")).replaceAll("\\$\\{NEWS_VERSION:-([^}]+)}", "$1");
    }

    private Map<String, Map<String, Object>> servicesWhere(java.util.function.Predicate<Map<String, Object>> test) {
        Map<String, Map<String, Object>> found = new java.util.TreeMap<>();
        services.forEach((name, s) -> {
            if (test.test(asMap(s))) {
                found.put(name, asMap(s));
            }
        });
        return found;
    }

    private Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return asMap(services.get(name));
    }

    private static Map<String, Object> env(Map<String, Object> service) {
        Map<String, Object> env = new java.util.TreeMap<>();
        Yaml.map(service, "environment").forEach((k, v) -> env.put(k, v == null ? "" : String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
