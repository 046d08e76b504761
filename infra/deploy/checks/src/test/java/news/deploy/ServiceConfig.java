package news.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service really reads, taken from its own files rather than written down twice: its {@code application.yml},
 * the kit defaults every service loads ({@code news-kit-defaults.yml}) and its {@code @ConfigurationProperties}
 * prefixes. Manifests are checked against this, so they stay true while the services change.
 *
 * @param name      {@code spring.application.name}
 * @param port      {@code server.port}
 * @param properties every property of application.yml and the kit defaults, flattened, with its raw value
 * @param environmentVariables every {@code ${NAME...}} placeholder in those files (the variables the service reads)
 * @param propertyPrefixes the {@code @ConfigurationProperties} prefixes of its code
 * @param readiness  the health contributors of the readiness group
 */
record ServiceConfig(String module, String name, int port, Map<String, String> properties,
                     Set<String> environmentVariables, Set<String> propertyPrefixes, List<String> readiness) {

    static final List<String> MODULES = List.of("article-service", "comment-service", "ranking-service", "gateway");
    static final Path KIT_DEFAULTS = Repository.ROOT.resolve(
            "infra/service-kit/src/main/resources/news-kit-defaults.yml");
    /**
     * The property through which each HTTP entry point learns the proxies whose {@code X-Forwarded-For} it believes:
     * the gateway those in front of it (ingress, load balancer), article-service and comment-service the gateway.
     * Unset in a deployment, every client looks like the proxy: per-client limits are shared and readerHash collapses.
     */
    static final Map<String, String> TRUSTED_PROXIES = Map.of(
            "gateway", "news.gateway.trusted-proxies",
            "article-service", "news.web.trusted-proxies",
            "comment-service", "news.web.trusted-proxies");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*|value\\s*=\\s*)?\"([^\"]+)\"");
    /** Spring Boot's own properties a deployment may set for every service through relaxed binding. */
    private static final List<String> BOOT_PREFIXES = List.of("server.", "spring.kafka.", "spring.cloud.stream.kafka.",
            "spring.ssl.", "management.", "logging.", "spring.profiles.", "spring.config.", "spring.lifecycle.",
            "spring.security.oauth2.");

    static List<ServiceConfig> all() {
        return MODULES.stream().map(ServiceConfig::of).toList();
    }

    static ServiceConfig named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    static ServiceConfig of(String module) {
        Path yml = Repository.ROOT.resolve(module).resolve("src/main/resources/application.yml");
        Map<String, String> properties = new TreeMap<>(flatten(Yaml.document(KIT_DEFAULTS)));
        properties.putAll(flatten(Yaml.document(yml)));
        Set<String> variables = new LinkedHashSet<>();
        for (String text : List.of(Repository.read(KIT_DEFAULTS), Repository.read(yml))) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        String name = properties.get("spring.application.name");
        int port = Integer.parseInt(resolveDefault(properties.get("server.port")));
        String readiness = properties.getOrDefault("management.endpoint.health.group.readiness.include", "");
        return new ServiceConfig(module, name, port, properties, variables, prefixes(module),
                List.of(readiness.split("\\s*,\\s*")));
    }

    /** True when the service keeps data in MongoDB: it names its database (the kit alone does not count). */
    boolean usesMongo() {
        return Yaml.at(Yaml.document(Repository.ROOT.resolve(module).resolve("src/main/resources/application.yml")),
                "spring.mongodb.database") != null;
    }

    /** True when the service checks bearer tokens: it is an OAuth2 resource server (ranking-service serves public reads). */
    boolean takesTokens() {
        return Repository.read(Repository.ROOT.resolve(module).resolve("pom.xml"))
                .contains("<artifactId>spring-boot-starter-security-oauth2-resource-server</artifactId>");
    }

    String mongoDatabase() {
        return properties.get("spring.mongodb.database");
    }

    /** {@code management.server.port}: where Actuator answers (probes, metrics), apart from the service's port. */
    int managementPort() {
        String value = valueOf("management.server.port");
        if (value == null) {
            throw new AssertionError(name + " sets no management.server.port: Actuator would answer on its public port");
        }
        return Integer.parseInt(value);
    }

    /** The default of a {@code ${ENV:default}} property, or the plain value. */
    String valueOf(String property) {
        String raw = properties.get(property);
        return raw == null ? null : resolveDefault(raw);
    }

    /**
     * Whether setting this environment variable changes something the service reads: a placeholder of its
     * configuration, or (relaxed binding) one of its own properties, a property under one of its
     * {@code @ConfigurationProperties} prefixes, or a Spring Boot property every service has.
     */
    boolean reads(String variable) {
        String lower = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        if (!usesMongo() && (variable.startsWith("MONGODB_") || lower.startsWith("spring.mongodb."))) {
            return false; // the kit defaults name MongoDB for every service; only those with a database use it
        }
        if (!takesTokens() && lower.startsWith("spring.security.oauth2.")) {
            return false; // the kit defaults name the token settings for every service; only resource servers use them
        }
        if (environmentVariables.contains(variable) || variable.equals("JAVA_TOOL_OPTIONS")
                || variable.equals("JDK_JAVA_OPTIONS")) {
            return true;
        }
        String canonical = variable.toLowerCase(Locale.ROOT).replace('_', '.');
        if (properties.keySet().stream().anyMatch(p -> matches(canonical, p, false))) {
            return true;
        }
        if (usesMongo() && canonical.startsWith("spring.mongodb.")) {
            return true;
        }
        return propertyPrefixes.stream().anyMatch(p -> matches(canonical, p, true))
                || BOOT_PREFIXES.stream().anyMatch(canonical::startsWith);
    }

    /**
     * Relaxed binding of an environment variable (already lower-cased, {@code _} as {@code .}) to a property: dashes
     * dropped ({@code NEWS_RANKING_MAXLISTSIZE}) or, the legacy form, as separators ({@code NEWS_RANKING_MAX_LIST_SIZE}).
     */
    private static boolean matches(String canonical, String property, boolean orBelow) {
        String p = property.toLowerCase(Locale.ROOT);
        for (String form : List.of(p.replace("-", ""), p.replace('-', '.'))) {
            if (canonical.equals(form) || orBelow && canonical.startsWith(form + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the service binds this property: in its configuration files or as a {@code @ConfigurationProperties} component. */
    boolean binds(String property) {
        return properties.containsKey(property) || propertyPrefixes.contains(property);
    }

    /**
     * The environment variables that set a property: the placeholder of its value ({@code ${NEWS_TRUSTED_PROXIES:...}})
     * and the relaxed-binding names, dashes dropped ({@code NEWS_WEB_TRUSTEDPROXIES}) or as separators (legacy).
     */
    Set<String> variablesFor(String property) {
        Set<String> variables = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(properties.getOrDefault(property, ""));
        if (placeholder.find()) {
            variables.add(placeholder.group(1));
        }
        String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
        variables.add(upper.replace("-", ""));
        variables.add(upper.replace('-', '_'));
        return variables;
    }

    static String resolveDefault(String raw) {
        Matcher m = Pattern.compile("^\\$\\{[A-Za-z0-9_.-]+:(.*)}$").matcher(raw.trim());
        return m.matches() ? m.group(1) : raw.trim();
    }

    private static Set<String> prefixes(String module) {
        Set<String> prefixes = new LinkedHashSet<>();
        List<Path> roots = List.of(Repository.ROOT.resolve(module).resolve("src/main/java"),
                Repository.ROOT.resolve("infra/service-kit/src/main/java"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String source = Repository.read(f);
                    Matcher m = CONFIGURATION_PROPERTIES.matcher(source);
                    while (m.find()) {
                        prefixes.addAll(boundProperties(m.group(1), source, m.end()));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return prefixes;
    }

    /**
     * What a {@code @ConfigurationProperties} type binds: for a record, its prefix plus each component name (nested
     * records bind everything under their component); otherwise the whole prefix.
     */
    static List<String> boundProperties(String prefix, String source, int from) {
        Matcher record = Pattern.compile("\\G\\s*\\)?(?:\\s|@\\w+(?:\\([^)]*\\))?|public|final|static)*record\\s+\\w+\\s*\\(")
                .matcher(source);
        if (!record.find(from)) {
            return List.of(prefix);
        }
        int depth = 1;
        int i = record.end();
        int start = i;
        List<String> components = new java.util.ArrayList<>();
        for (; i < source.length() && depth > 0; i++) {
            char c = source.charAt(i);
            if (c == '(' || c == '<') {
                depth++;
            } else if (c == ')' || c == '>') {
                depth--;
            }
            if ((c == ',' && depth == 1) || depth == 0) {
                components.add(source.substring(start, c == ',' ? i : i).trim());
                start = i + 1;
            }
        }
        return components.stream().filter(c -> !c.isEmpty())
                .map(c -> c.replaceAll("@\\w+(\\([^)]*\\))?", "").trim())
                .map(c -> c.substring(c.lastIndexOf(' ') + 1))
                .map(name -> prefix + "." + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> flatten(Map<String, Object> yaml) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, flat));
        } else if (value instanceof List<?> list) {
            flat.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else {
            flat.put(prefix, value == null ? "" : value.toString());
        }
    }
}
