package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kustomize base and overlays, rendered, against what the services really read ({@link ServiceConfig}): images,
 * ports, probe paths, env names, the Services the gateway calls, ranking-service's state volume and headless Service,
 * resources, anti-affinity, PDBs and HPAs; secrets only by reference. Rendering needs {@code kustomize} or
 * {@code kubectl}; without one, only the file-level checks run and the rest is skipped.
 */
class KubernetesManifestsTest {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    private final ImageBuild images = ImageBuild.load();

    @Test
    void everyManifestParsesAndEveryFileAKustomizationNamesExists() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repository.K8S)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            List<Map<String, Object>> documents = Yaml.documents(file);
            assertThat(documents).as(file + " holds no YAML document").isNotEmpty();
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                Map<String, Object> k = documents.get(0);
                List<String> referenced = new ArrayList<>();
                Yaml.list(k, "resources").forEach(r -> referenced.add(String.valueOf(r)));
                Yaml.maps(k, "patches").stream().filter(p -> p.containsKey("path"))
                        .forEach(p -> referenced.add(String.valueOf(p.get("path"))));
                Yaml.maps(k, "configMapGenerator").forEach(g -> Yaml.list(g, "files")
                        .forEach(f -> referenced.add(String.valueOf(f).replaceFirst("^[^=]*=", ""))));
                for (String ref : referenced) {
                    assertThat(file.getParent().resolve(ref)).as("%s names %s", file, ref).exists();
                }
            } else if (!file.toString().contains("/kafka/") && !file.getFileName().toString().startsWith("client-")
                    && !file.endsWith("monitoring/alertmanager.yml")) {
                documents.forEach(d -> assertThat(d).as(file + ": every resource names apiVersion and kind")
                        .containsKeys("apiVersion", "kind"));
            }
        }
    }

    @Test
    void noManifestCarriesACredential() throws IOException {
        try (Stream<Path> walk = Files.walk(Repository.K8S)) {
            for (Path file : walk.filter(f -> f.toString().matches(".*\\.ya?ml$")).toList()) {
                for (Map<String, Object> d : Yaml.documents(file)) {
                    assertThat(d.get("kind")).as(file + ": Secrets are referenced, never written").isNotEqualTo("Secret");
                }
                assertThat(Repository.read(file)).as(file.toString())
                        .doesNotContainPattern("(?i)password\\s*[:=]\\s*[\"']?[A-Za-z0-9]")
                        .doesNotContainPattern("mongodb(\\+srv)?://[^/\\s]+:[^@\\s]+@");
            }
        }
        for (String overlay : List.of("overlays/local", "overlays/production")) {
            if (Kustomize.available()) {
                assertThat(rendered(overlay).ofKind("Secret")).as(overlay).isEmpty();
            }
        }
    }

    /**
     * Every service that takes tokens gets the issuer, audience and roles claim it trusts from the shared ConfigMap; the base names no
     * issuer (an overlay must), and no file of the deployment holds a signing key.
     */
    @Test
    void everyServiceTrustsTheIssuerAndAudienceOfTheConfigurationAndNoKeyShipsWithTheManifests() throws IOException {
        Map<String, Object> base = Yaml.documents(Repository.K8S.resolve("base/kustomization.yaml")).get(0);
        List<String> shared = Yaml.maps(base, "configMapGenerator").stream()
                .filter(g -> "news-platform".equals(g.get("name"))).findFirst().map(g -> Yaml.list(g, "literals"))
                .orElseThrow().stream().map(String::valueOf).toList();
        assertThat(shared).contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI=",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES=news-platform");
        for (ServiceConfig service : ServiceConfig.all()) {
            if (!service.takesTokens()) {
                continue;
            }
            String manifest = Repository.read(Repository.K8S.resolve("base/" + service.name() + ".yaml"));
            for (String variable : List.of("ISSUER_URI", "AUDIENCES", "AUTHORITIES_CLAIM_NAME")) {
                assertThat(manifest).as(service.name()).contains("configMapKeyRef: {name: news-platform, key: "
                        + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_" + variable + "}");
            }
        }
        try (Stream<Path> walk = Files.walk(Repository.DEPLOY)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(Repository.DEPLOY.resolve("checks")))
                    .toList()) {
                assertThat(Repository.read(file)).as(file.toString()).doesNotContain("PRIVATE KEY")
                        .doesNotContain("dev-keys").doesNotContain("\"d\":");
            }
        }
    }

    @EveryOverlay
    void everyServiceRunsItsImageOnItsPortWithProbesWhereItAnswers(String overlay) {
        forEachWorkload(overlay, (m, service, workload) -> {
            Map<String, Object> container = Manifests.container(workload, service.name());
            String expected = images.image(service.module());
            String image = String.valueOf(container.get("image"));
            if (overlay.equals("base")) {
                assertThat(image).isEqualTo(expected);
            } else {
                assertThat(image).as(overlay).endsWith(expected.substring(0, expected.indexOf(':')) + image.substring(image.lastIndexOf(':')));
            }
            int port = m.envValue(container, "SERVER_PORT").map(Integer::parseInt).orElse(service.port());
            Map<String, Object> http = Yaml.maps(container, "ports").stream()
                    .filter(p -> "http".equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + " names no http port"));
            assertThat(http.get("containerPort")).as(service.name()).isEqualTo(port);
            int managementPort = m.envValue(container, "MANAGEMENT_SERVER_PORT").map(Integer::parseInt)
                    .orElse(service.managementPort());
            Map<String, Object> management = Yaml.maps(container, "ports").stream()
                    .filter(p -> "management".equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + " names no management port"));
            assertThat(management.get("containerPort")).as(service.name()).isEqualTo(managementPort);
            assertProbe(container, "livenessProbe", LIVENESS, managementPort);
            assertProbe(container, "readinessProbe", READINESS, managementPort);
            assertProbe(container, "startupProbe", LIVENESS, managementPort);
            assertThat(Yaml.map(workload, "spec.template.metadata.annotations"))
                    .as(service.name() + " is scraped on its management port")
                    .containsEntry("prometheus.io/port", String.valueOf(managementPort));
        });
    }

    /**
     * Services are reached only from the gateway (ranking-service also from its own instances, which forward queries to
     * the owner of a list), the gateway's HTTP port from anywhere, every management port only from Prometheus.
     */
    @EveryOverlay
    void networkPoliciesLetOnlyTheGatewayReachTheServicesAndOnlyPrometheusTheirManagementPorts(String overlay) {
        forEachWorkload(overlay, (m, service, workload) -> {
            Map<String, Object> labels = Manifests.podLabels(workload);
            List<Map<String, Object>> policies = m.ofKind("NetworkPolicy").stream()
                    .filter(p -> Manifests.selects(Yaml.map(p, "spec.podSelector.matchLabels"), labels)).toList();
            assertThat(policies).as(overlay + ": " + service.name() + " has a NetworkPolicy").hasSize(1);
            Map<String, Object> policy = policies.get(0);
            assertThat(Yaml.list(policy, "spec.policyTypes")).contains("Ingress");
            Map<Object, List<Object>> fromByPort = new java.util.LinkedHashMap<>();
            for (Map<String, Object> rule : Yaml.maps(policy, "spec.ingress")) {
                List<Object> from = Yaml.maps(rule, "from").stream()
                        .<Object>map(f -> f.containsKey("namespaceSelector") ? "any namespace: "
                                + Yaml.at(f, "podSelector.matchLabels") : Yaml.at(f, "podSelector.matchLabels")).toList();
                Yaml.maps(rule, "ports").forEach(port -> fromByPort.computeIfAbsent(port.get("port"), k -> new ArrayList<>())
                        .addAll(from.isEmpty() ? List.of("anywhere") : from));
            }
            assertThat(fromByPort.keySet()).as(overlay + " " + service.name()).containsExactlyInAnyOrder("http", "management");
            assertThat(fromByPort.get("management")).as(service.name() + " management")
                    .containsExactly("any namespace: {app.kubernetes.io/name=prometheus}");
            List<Object> http = fromByPort.get("http");
            switch (service.name()) {
                case "gateway" -> assertThat(http).containsExactly("anywhere");
                case "ranking-service" -> assertThat(http).containsExactlyInAnyOrder(
                        Map.of("app.kubernetes.io/name", "gateway"), Map.of("app.kubernetes.io/name", "ranking-service"));
                default -> assertThat(http).containsExactly(Map.of("app.kubernetes.io/name", "gateway"));
            }
        });
    }

    /** The one way in from outside is the gateway's HTTP port; production names its host and certificate. */
    @EveryOverlay
    void theIngressLeadsToTheGatewaysHttpPortOnly(String overlay) {
        Manifests m = rendered(overlay);
        List<Map<String, Object>> ingresses = m.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        List<Map<String, Object>> backends = new ArrayList<>();
        for (Map<String, Object> rule : Yaml.maps(ingresses.get(0), "spec.rules")) {
            Yaml.maps(rule, "http.paths").forEach(p -> backends.add(Yaml.map(p, "backend.service")));
        }
        assertThat(backends).isNotEmpty().allSatisfy(b -> assertThat(b)
                .isEqualTo(Map.of("name", "gateway", "port", Map.of("name", "http"))));
        if (overlay.endsWith("production")) {
            assertThat(Yaml.maps(ingresses.get(0), "spec.tls")).isNotEmpty();
            assertThat(String.valueOf(Yaml.maps(ingresses.get(0), "spec.rules").get(0).get("host"))).isNotBlank()
                    .isNotEqualTo("null");
        }
    }

    /** One instance per zone first, as docs/capacity.md assumes; a cluster without zones still schedules. */
    @EveryOverlay
    void everyServiceSpreadsOverZones(String overlay) {
        forEachWorkload(overlay, (m, service, workload) -> {
            assertThat(Yaml.maps(workload, "spec.template.spec.topologySpreadConstraints")).as(service.name())
                    .anySatisfy(c -> {
                        assertThat(c).containsEntry("topologyKey", "topology.kubernetes.io/zone").containsEntry("maxSkew", 1);
                        assertThat(Manifests.selects(Yaml.map(c, "labelSelector.matchLabels"),
                                Manifests.podLabels(workload))).isTrue();
                    });
        });
    }

    /**
     * Production: Strimzi resources on the v1 API (the only one Strimzi 1.x serves), the brokers' JMX metrics and the
     * Kafka exporter on, the stores reachable only by their owners, and the monitoring of k8s/monitoring included.
     */
    @Test
    void productionRunsStrimziV1WithBrokerMetricsAndTheStoresOnlyForTheirOwners() {
        Manifests production = rendered("overlays/production");
        production.resources().stream().filter(r -> String.valueOf(r.get("apiVersion")).startsWith("kafka.strimzi.io/"))
                .forEach(r -> assertThat(r.get("apiVersion")).as(r.get("kind") + " " + Yaml.at(r, "metadata.name"))
                        .isEqualTo("kafka.strimzi.io/v1"));
        Map<String, Object> kafka = production.get("Kafka", "news-kafka");
        assertThat(Yaml.map(kafka, "spec.kafkaExporter")).containsKeys("groupRegex", "topicRegex");
        Map<String, Object> metrics = Yaml.map(kafka, "spec.kafka.metricsConfig");
        assertThat(metrics.get("type")).isEqualTo("jmxPrometheusExporter");
        Map<String, Object> rules = production.get("ConfigMap", Yaml.string(metrics, "valueFrom.configMapKeyRef.name"));
        String config = String.valueOf(Yaml.map(rules, "data").get(Yaml.string(metrics, "valueFrom.configMapKeyRef.key")));
        assertThat(config).contains("kafka_server_$1_$2", "kafka_controller_$1_$2", "UnderReplicatedPartitions");
        assertThat(Yaml.maps(kafka, "spec.kafka.listeners")).allSatisfy(l -> assertThat(Yaml.list(l, "networkPolicyPeers"))
                .as("listener " + l.get("name") + " only for the platform's pods").isNotEmpty());

        Map<String, Object> mongo = production.get("NetworkPolicy", "news-mongodb");
        List<Object> owners = new ArrayList<>();
        Yaml.maps(mongo, "spec.ingress").forEach(rule -> Yaml.maps(rule, "from")
                .forEach(f -> owners.add(Yaml.at(f, "podSelector.matchLabels"))));
        assertThat(owners).containsExactlyInAnyOrder(Map.of("app.kubernetes.io/name", "article-service"),
                Map.of("app.kubernetes.io/name", "comment-service"), Map.of("app.kubernetes.io/name", "gateway"),
                Map.of("app.kubernetes.io/name", "mongodb-exporter"),
                Map.of("app", "news-mongodb-svc"));
        assertThat(production.ofKind("PodMonitor")).extracting(p -> Yaml.at(p, "metadata.name"))
                .containsExactlyInAnyOrder("news-services", "kafka", "kafka-exporter", "mongodb-exporter");
        assertThat(production.ofKind("PrometheusRule")).hasSize(1);
        assertThat(production.find("Service", "alertmanager")).isPresent();
    }

    /** Actuator stays inside: no Service (so no gateway route, no Ingress backend) leads to a management port. */
    @EveryOverlay
    void noServiceExposesAManagementPort(String overlay) {
        forEachWorkload(overlay, (m, service, workload) -> {
            for (Map<String, Object> exposed : m.servicesOf(workload)) {
                assertThat(Yaml.maps(exposed, "spec.ports")).as("%s: Service %s", overlay, Yaml.at(exposed, "metadata.name"))
                        .noneMatch(p -> "management".equals(p.get("targetPort"))
                                || Integer.valueOf(service.managementPort()).equals(p.get("targetPort"))
                                || Integer.valueOf(service.managementPort()).equals(p.get("port")));
            }
        });
    }

    @EveryOverlay
    void everyEnvironmentVariableIsOneTheServiceReads(String overlay) {
        forEachWorkload(overlay, (m, service, workload) -> {
            Map<String, Object> container = Manifests.container(workload, service.name());
            List<String> names = Manifests.envNames(container);
            List<String> helpers = helperVariables(container, m.placeholdersInMountedConfig(workload, container));
            for (String name : names) {
                assertThat(service.reads(name) || helpers.contains(name))
                        .as("%s: %s sets %s, which the service does not read", overlay, service.name(), name).isTrue();
            }
            assertThat(Yaml.list(container, "envFrom")).as("envFrom hides which names a service gets").isEmpty();
            for (Map<String, Object> env : Yaml.maps(container, "env")) {
                String configMap = Yaml.string(env, "valueFrom.configMapKeyRef.name");
                if (configMap != null) {
                    assertThat(Yaml.map(m.get("ConfigMap", configMap), "data"))
                            .containsKey(Yaml.string(env, "valueFrom.configMapKeyRef.key"));
                }
            }
            assertThat(names).as(service.name()).contains("KAFKA_BOOTSTRAP_SERVERS");
            if (service.usesMongo()) {
                assertThat(names).as(service.name()).contains("MONGODB_URI");
            } else {
                assertThat(names).as(service.name() + " keeps no data in MongoDB").doesNotContain("MONGODB_URI");
            }
        });
    }

    /**
     * In a cluster the gateway's peer is the ingress or load balancer and the services' peer is a gateway pod: unless
     * each is told to believe those proxies' {@code X-Forwarded-For}, every reader looks like the proxy (shared
     * per-client limits, one readerHash for all). Finding 4 of docs/security.md.
     */
    @EveryOverlay
    void theGatewayAndTheServicesBehindItAreToldWhichProxiesToTrust(String overlay) {
        Manifests m = rendered(overlay);
        assertThat(ServiceConfig.TRUSTED_PROXIES).containsKeys("gateway", "article-service", "comment-service");
        ServiceConfig.TRUSTED_PROXIES.forEach((name, property) -> {
            ServiceConfig service = ServiceConfig.named(name);
            assertThat(service.binds(property)).as("%s reads %s", name, property).isTrue();
            Map<String, Object> container = Manifests.container(m.workload(name).orElseThrow(), name);
            String variable = Manifests.envNames(container).stream().filter(service.variablesFor(property)::contains)
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": " + name + " is not told which proxies"
                            + " to trust (" + property + ", one of " + service.variablesFor(property) + ")"));
            String value = m.envValue(container, variable)
                    .orElseThrow(() -> new AssertionError(overlay + ": " + name + " " + variable + " has no value"));
            AddressRanges ranges = AddressRanges.parse(value);
            assertThat(ranges.beyondLoopback()).as("%s: %s %s=%s: the peers in a cluster are not on loopback",
                    overlay, name, variable, value).isTrue();
            assertThat(ranges.trustsThePublicInternet()).as("%s: %s %s=%s lets any client choose its address",
                    overlay, name, variable, value).isFalse();
        });
    }

    /**
     * A client's write budget is the site's and each gateway pod enforces {@code 1 / NEWS_GATEWAY_INSTANCES} of it: told
     * fewer instances than the autoscaler may run, the pods together allow a client spread over all of them more than
     * the budget (told more, each client gets less than it should).
     */
    @EveryOverlay
    void everyGatewayPodEnforcesItsShareOfTheWriteBudgetForAsManyPodsAsTheAutoscalerMayRun(String overlay) {
        Manifests m = rendered(overlay);
        assertThat(ServiceConfig.named("gateway").reads("NEWS_GATEWAY_INSTANCES")).isTrue();
        Map<String, Object> container = Manifests.container(m.workload("gateway").orElseThrow(), "gateway");
        String instances = m.envValue(container, "NEWS_GATEWAY_INSTANCES").orElseThrow(() -> new AssertionError(overlay
                + ": the gateway is not told how many instances share the write budget (NEWS_GATEWAY_INSTANCES)"));
        assertThat(Integer.valueOf(instances)).as("%s: NEWS_GATEWAY_INSTANCES against the gateway's HPA maxReplicas",
                overlay).isEqualTo(Yaml.at(m.get("HorizontalPodAutoscaler", "gateway"), "spec.maxReplicas"));
    }

    @EveryOverlay
    void theGatewayCallsTheServicesWhereTheirServicesListen(String overlay) {
        Manifests m = rendered(overlay);
        ServiceConfig gateway = ServiceConfig.named("gateway");
        Map<String, Object> container = Manifests.container(m.workload("gateway").orElseThrow(), "gateway");
        Pattern placeholder = Pattern.compile("^\\$\\{([A-Z_]+):(.+)}$");
        int checked = 0;
        for (Map.Entry<String, String> property : gateway.properties().entrySet()) {
            Matcher p = placeholder.matcher(property.getValue());
            if (!property.getKey().startsWith("news.gateway.services.") || !p.matches()) {
                continue;
            }
            String variable = p.group(1);
            int defaultPort = URI.create(p.group(2)).getPort();
            ServiceConfig target = ServiceConfig.all().stream().filter(s -> s.port() == defaultPort).findFirst()
                    .orElseThrow(() -> new AssertionError("no service listens on " + defaultPort));
            URI url = URI.create(m.envValue(container, variable)
                    .orElseThrow(() -> new AssertionError(overlay + ": gateway lacks " + variable)));
            Map<String, Object> service = m.get("Service", url.getHost());
            assertThat(Manifests.selects(Yaml.map(service, "spec.selector"),
                    Manifests.podLabels(m.workload(target.name()).orElseThrow())))
                    .as("%s=%s reaches %s", variable, url, target.name()).isTrue();
            assertThat(Yaml.maps(service, "spec.ports")).anyMatch(sp -> Integer.valueOf(url.getPort()).equals(sp.get("port")));
            checked++;
        }
        assertThat(checked).as("service URLs of the gateway").isGreaterThanOrEqualTo(3);
    }

    @EveryOverlay
    void everyServiceHasAServiceAPodDisruptionBudgetAnAutoscalerResourcesAndSpreadsOverNodes(String overlay) {
        forEachWorkload(overlay, (m, service, workload) -> {
            Map<String, Object> labels = Manifests.podLabels(workload);
            Map<String, Object> container = Manifests.container(workload, service.name());
            assertThat(m.servicesOf(workload)).as(service.name()).anyMatch(s ->
                    service.name().equals(Yaml.at(s, "metadata.name"))
                            && Yaml.maps(s, "spec.ports").stream().anyMatch(p -> Integer.valueOf(service.port()).equals(p.get("port"))
                            && ("http".equals(p.get("targetPort")) || Integer.valueOf(service.port()).equals(p.get("targetPort")))));
            assertThat(m.ofKind("PodDisruptionBudget")).as(service.name() + " PDB")
                    .anyMatch(p -> Manifests.selects(Yaml.map(p, "spec.selector.matchLabels"), labels));
            Map<String, Object> hpa = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> service.name().equals(Yaml.at(h, "spec.scaleTargetRef.name"))
                            && workload.get("kind").equals(Yaml.at(h, "spec.scaleTargetRef.kind")))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no HPA for " + service.name()));
            assertThat((Integer) Yaml.at(hpa, "spec.maxReplicas")).isGreaterThanOrEqualTo((Integer) Yaml.at(hpa, "spec.minReplicas"));
            assertThat(Yaml.string(container, "resources.requests.cpu")).isNotNull();
            assertThat(Yaml.string(container, "resources.requests.memory")).isNotNull();
            assertThat(Yaml.string(container, "resources.limits.memory")).isNotNull();
            List<Map<String, Object>> antiAffinity = new ArrayList<>();
            Yaml.maps(workload, "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution")
                    .forEach(t -> antiAffinity.add(Yaml.map(t, "podAffinityTerm")));
            antiAffinity.addAll(Yaml.maps(workload, "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"));
            assertThat(antiAffinity).as(service.name() + " anti-affinity").anyMatch(t ->
                    "kubernetes.io/hostname".equals(t.get("topologyKey"))
                            && Manifests.selects(Yaml.map(t, "labelSelector.matchLabels"), labels));
            assertThat(Yaml.at(workload, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat(String.valueOf(Yaml.at(workload, "spec.template.spec.securityContext.runAsUser")))
                    .isEqualTo(images.jib("container.user").split(":")[0]);
        });
    }

    @EveryOverlay
    void rankingServiceKeepsItsStateOnAVolumeAndIsReachableByNameForInteractiveQueries(String overlay) {
        Manifests m = rendered(overlay);
        ServiceConfig ranking = ServiceConfig.named("ranking-service");
        Map<String, Object> set = m.get("StatefulSet", "ranking-service");
        Map<String, Object> container = Manifests.container(set, "ranking-service");
        String streams = "spring.cloud.stream.kafka.streams.binder.";
        String stateVariable = variableIn(ranking.properties().get(streams + "configuration.state.dir"));
        String hostVariable = variableIn(ranking.properties().get(streams + "configuration.application.server"));
        String replicationVariable = variableIn(ranking.properties().get(streams + "replication-factor"));

        String stateDir = m.envValue(container, stateVariable)
                .orElseThrow(() -> new AssertionError(overlay + ": " + stateVariable + " is not set"));
        List<Object> claims = Yaml.maps(set, "spec.volumeClaimTemplates").stream()
                .map(c -> Yaml.at(c, "metadata.name")).map(Object.class::cast).toList();
        assertThat(Yaml.maps(container, "volumeMounts")).as("%s must be on a persistent volume", stateVariable)
                .anyMatch(v -> claims.contains(v.get("name")) && (stateDir + "/").startsWith(v.get("mountPath") + "/"));

        String headless = Yaml.string(set, "spec.serviceName");
        Map<String, Object> service = m.get("Service", headless);
        assertThat(Yaml.string(service, "spec.clusterIP")).isEqualTo("None");
        assertThat(Yaml.at(service, "spec.publishNotReadyAddresses")).isEqualTo(true);
        assertThat(Manifests.selects(Yaml.map(service, "spec.selector"), Manifests.podLabels(set))).isTrue();
        String advertised = m.envValue(container, hostVariable)
                .orElseThrow(() -> new AssertionError(overlay + ": " + hostVariable + " is not set"));
        Matcher pod = Pattern.compile("^\\$\\(([A-Z_]+)\\)\\." + Pattern.quote(headless) + "(\\..*)?$").matcher(advertised);
        assertThat(pod.matches()).as("%s=%s names the pod through %s", hostVariable, advertised, headless).isTrue();
        assertThat(Yaml.at(Manifests.env(container, pod.group(1)).orElseThrow(), "valueFrom.fieldRef.fieldPath"))
                .isEqualTo("metadata.name");
        assertThat(Manifests.envNames(container).indexOf(pod.group(1)))
                .isLessThan(Manifests.envNames(container).indexOf(hostVariable));

        String replication = m.envValue(container, replicationVariable).orElseThrow();
        assertThat(replication).isEqualTo(overlay.endsWith("production") ? "3" : "1");
        assertThat((Integer) Yaml.at(m.get("HorizontalPodAutoscaler", "ranking-service"), "spec.maxReplicas"))
                .as("more instances than input partitions stand idle")
                .isLessThanOrEqualTo(news.contracts.TopicCatalog.load().topic("news.article-views").partitions());
    }

    @Test
    void theLocalOverlayNeedsNoCredentials() {
        Manifests local = rendered("overlays/local");
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            local.ofKind(kind).forEach(w -> assertThat(String.valueOf(w)).as(kind + " " + Yaml.at(w, "metadata.name"))
                    .doesNotContain("secretKeyRef").doesNotContain("secretName"));
        }
        assertThat(local.ofKind("Job")).anyMatch(j -> "kafka-topics".equals(Yaml.at(j, "metadata.name")));
    }

    /**
     * Without its secret key a service does not start (article-service's readerHash key, comment-service's author id
     * key): the base and production take each from a Secret, the laptop overlay from its ConfigMap.
     */
    @Test
    void theSecretKeysComeFromSecretsAndTheLaptopsFromItsConfigMap() {
        for (SecretKey key : SECRET_KEYS) {
            List<ServiceConfig> keyed = ServiceConfig.all().stream().filter(s -> s.reads(key.variable())).toList();
            assertThat(keyed).as(key.variable()).extracting(ServiceConfig::name).containsExactly(key.service());
            for (String kustomization : KUSTOMIZATIONS) {
                Manifests m = rendered(kustomization);
                for (ServiceConfig service : keyed) {
                    Map<String, Object> container = Manifests.container(m.workload(service.name()).orElseThrow(),
                            service.name());
                    Map<String, Object> env = Manifests.env(container, key.variable()).orElseThrow(() -> new AssertionError(
                            kustomization + ": " + service.name() + " gets no " + key.variable() + " and would not start"));
                    if (kustomization.equals("overlays/local")) {
                        assertThat(m.envValue(container, key.variable())).as("the laptop key")
                                .hasValueSatisfying(v -> assertThat(v).hasSizeGreaterThanOrEqualTo(32));
                    } else {
                        assertThat(Yaml.string(env, "valueFrom.secretKeyRef.name")).as(kustomization)
                                .isEqualTo(key.secret());
                        assertThat(Yaml.string(env, "valueFrom.secretKeyRef.key")).as(kustomization).isEqualTo("key");
                    }
                }
            }
        }
    }

    @Test
    void productionTakesEveryCredentialFromASecretAndTrustsARealIdentityProvider() {
        Manifests production = rendered("overlays/production");
        Map<String, Object> shared = production.ofKind("ConfigMap").stream()
                .filter(c -> String.valueOf(Yaml.at(c, "metadata.name")).startsWith("news-platform-")).findFirst().orElseThrow();
        assertThat(Yaml.string(shared, "data.SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                .as("a real identity provider's issuer").startsWith("https://");
        assertThat(Yaml.string(shared, "data.SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"))
                .as("the audience the services require").isNotBlank();
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, Object> container = Manifests.container(production.workload(service.name()).orElseThrow(), service.name());
            assertThat(Yaml.string(Manifests.env(container, "KAFKA_SASL_PASSWORD").orElseThrow(), "valueFrom.secretKeyRef.name"))
                    .isEqualTo(service.name());
            if (service.usesMongo()) {
                assertThat(Yaml.string(Manifests.env(container, "MONGODB_URI").orElseThrow(), "valueFrom.secretKeyRef.name"))
                        .isEqualTo(service.name() + "-mongodb");
            }
        }
        assertThat(production.find("Job", "kafka-topics")).as("Strimzi creates the topics").isEmpty();
    }

    @Test
    void productionKafkaClientsUseSaslSslWithScramOnEveryPath() {
        Manifests production = rendered("overlays/production");
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, Object> workload = production.workload(service.name()).orElseThrow();
            Map<String, Object> container = Manifests.container(workload, service.name());
            String location = production.envValue(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").orElseThrow();
            String dir = location.replace("optional:", "").replace("file:", "");
            List<String> mounted = Manifests.mountedConfigMaps(workload, container);
            Map<String, Object> config = mounted.stream().map(c -> production.get("ConfigMap", c))
                    .filter(c -> Yaml.map(c, "data").containsKey("application.yml")).findFirst()
                    .orElseThrow(() -> new AssertionError(service.name() + " mounts no application.yml"));
            String volume = Yaml.maps(workload, "spec.template.spec.volumes").stream()
                    .filter(v -> Yaml.at(config, "metadata.name").equals(Yaml.at(v, "configMap.name")))
                    .map(v -> String.valueOf(v.get("name"))).findFirst().orElseThrow();
            assertThat(dir).startsWith(Manifests.mountPathOf(container, volume).orElseThrow());
            Map<String, Object> spring = Yaml.documents(String.valueOf(Yaml.map(config, "data").get("application.yml"))).get(0);
            for (String path : List.of("spring.kafka.properties", "spring.cloud.stream.kafka.binder.configuration",
                    "spring.cloud.stream.kafka.streams.binder.configuration")) {
                Map<String, Object> client = Yaml.map(spring, path);
                assertThat(client).as(path).containsEntry("security.protocol", "SASL_SSL")
                        .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsKey("sasl.jaas.config")
                        .containsEntry("ssl.truststore.type", "PEM");
                String truststore = String.valueOf(client.get("ssl.truststore.location"));
                assertThat(Yaml.maps(container, "volumeMounts")).as(truststore + " is mounted")
                        .anyMatch(v -> truststore.startsWith(v.get("mountPath") + "/"));
            }
            assertThat(String.valueOf(Yaml.at(spring, "news.deploy.kafka-jaas")))
                    .contains("ScramLoginModule").contains("${KAFKA_SASL_USERNAME}").contains("${KAFKA_SASL_PASSWORD}");
        }
    }

    private static String variableIn(String raw) {
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):").matcher(raw == null ? "" : raw);
        if (!m.find()) {
            fail("no environment placeholder in '" + raw + "'");
        }
        return m.group(1);
    }

    /** Variables that only feed others: {@code $(NAME)} in another value, or {@code ${NAME}} in a mounted file. */
    private static List<String> helperVariables(Map<String, Object> container, java.util.Set<String> inMountedConfig) {
        List<String> helpers = new ArrayList<>(inMountedConfig);
        Pattern reference = Pattern.compile("\\$\\(([A-Z_]+)\\)");
        for (Map<String, Object> env : Yaml.maps(container, "env")) {
            Matcher m = reference.matcher(String.valueOf(env.getOrDefault("value", "")));
            while (m.find()) {
                helpers.add(m.group(1));
            }
        }
        return helpers;
    }

    private static void assertProbe(Map<String, Object> container, String probe, String path, int port) {
        Map<String, Object> get = Yaml.map(container, probe + ".httpGet");
        assertThat(get.get("path")).as(container.get("name") + " " + probe).isEqualTo(path);
        Object probePort = get.get("port");
        assertThat(probePort.equals(port) || "management".equals(probePort)).as(probe + " port " + probePort).isTrue();
    }

    /** A service's secret key: the variable it reads, the service, the Secret the base takes it from (key "key"). */
    record SecretKey(String variable, String service, String secret) {
    }

    static final List<SecretKey> SECRET_KEYS = List.of(
            new SecretKey("NEWS_READERS_HASH_KEY", "article-service", "news-reader-hash-key"),
            new SecretKey("NEWS_COMMENTS_AUTHOR_KEY", "comment-service", "news-comment-author-key"));
    static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/local", "overlays/production");

    /** Renders every kustomization at once on first use (a kubectl wrapper may take seconds per call). */
    /** Runs a test for the base and for each overlay, named by its folder under {@code k8s}. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    @interface EveryOverlay {
    }

    /** A check of one service's workload in a rendered kustomization. */
    @FunctionalInterface
    interface WorkloadCheck {
        void check(Manifests m, ServiceConfig service, Map<String, Object> workload);
    }

    /** Runs {@code check} on the workload of every service in {@code overlay}, rendered; a missing one fails. */
    private static void forEachWorkload(String overlay, WorkloadCheck check) {
        Manifests m = rendered(overlay);
        for (ServiceConfig service : ServiceConfig.all()) {
            check.check(m, service, m.workload(service.name())
                    .orElseThrow(() -> new AssertionError(overlay + ": no workload " + service.name())));
        }
    }

    static synchronized Manifests rendered(String overlay) {
        Assumptions.assumeTrue(Kustomize.available(),
                "neither kustomize nor kubectl is on the PATH: the rendered manifests are not checked");
        if (RENDERED.isEmpty()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(KUSTOMIZATIONS.size());
            try {
                KUSTOMIZATIONS.stream().map(k -> java.util.concurrent.CompletableFuture.supplyAsync(() -> Manifests.render(k), pool))
                        .toList().forEach(f -> {
                            try {
                                RENDERED.put(f.join().name(), f.join());
                            } catch (java.util.concurrent.CompletionException e) {
                                throw e.getCause() instanceof RuntimeException cause ? cause : e; // a skip stays a skip
                            }
                        });
            } finally {
                pool.shutdown();
            }
        }
        return RENDERED.get(overlay);
    }
}
