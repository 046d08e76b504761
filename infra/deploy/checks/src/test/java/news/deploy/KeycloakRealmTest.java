package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The realm compose and the laptop overlay import into Keycloak ({@code infra/deploy/keycloak/news-realm.json}) gives
 * the services what they require of any provider: the roles {@code reader} and {@code editor} in a top-level
 * {@code roles} claim, the audience {@code news-platform}, a gateway client that must use PKCE, the demo users, and no
 * secret written in the file.
 */
class KeycloakRealmTest {

    private static final Path REALM = Repository.DEPLOY.resolve("keycloak/news-realm.json");
    private final Map<String, Object> realm = Yaml.document(REALM);

    @Test
    void theRealmHasTheRolesAndTheDemoUsersWithTheirNames() {
        assertThat(Yaml.maps(realm, "roles.realm")).extracting(r -> r.get("name")).contains("reader", "editor");
        Map<String, Object> alice = user("alice");
        Map<String, Object> eve = user("eve");
        assertThat(alice.get("firstName") + " " + alice.get("lastName")).isEqualTo("Alice Park");
        assertThat(eve.get("firstName") + " " + eve.get("lastName")).isEqualTo("Eve Moreau");
        assertThat(Yaml.list(alice, "realmRoles")).contains("reader").doesNotContain("editor");
        assertThat(Yaml.list(eve, "realmRoles")).contains("reader", "editor");
    }

    @Test
    void theGatewaysClientIsConfidentialUsesPkceAndPutsTheAudienceAndRolesInItsTokens() {
        Map<String, Object> gateway = client("news-gateway");
        assertThat(gateway.get("publicClient")).isEqualTo(false);
        assertThat(gateway.get("standardFlowEnabled")).isEqualTo(true);
        assertThat(gateway.get("implicitFlowEnabled")).isEqualTo(false);
        assertThat(gateway.get("directAccessGrantsEnabled")).as("no password grant").isEqualTo(false);
        assertThat(Yaml.map(gateway, "attributes")).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(Yaml.list(gateway, "redirectUris")).allMatch(uri -> String.valueOf(uri).endsWith("/login/oauth2/code/news"));
        for (String clientId : List.of("news-gateway", "news-automation")) {
            List<Map<String, Object>> mappers = Yaml.maps(client(clientId), "protocolMappers");
            assertThat(mappers).as(clientId + ": the platform's audience").anyMatch(m -> "oidc-audience-mapper"
                    .equals(m.get("protocolMapper")) && "news-platform".equals(config(m).get("included.custom.audience")));
            assertThat(mappers).as(clientId + ": roles as a top-level array").anyMatch(m -> "oidc-usermodel-realm-role-mapper"
                    .equals(m.get("protocolMapper")) && "roles".equals(config(m).get("claim.name"))
                    && "true".equals(config(m).get("multivalued")));
        }
    }

    @Test
    void secretsAreEnvironmentPlaceholdersNeverValues() {
        for (String clientId : List.of("news-gateway", "news-automation")) {
            assertThat(String.valueOf(client(clientId).get("secret"))).matches("\\$\\{[A-Z_]+}");
        }
        for (String username : List.of("alice", "eve")) {
            assertThat(Yaml.maps(user(username), "credentials")).allMatch(c -> String.valueOf(c.get("value")).startsWith("${"));
        }
    }

    private Map<String, Object> client(String clientId) {
        return Yaml.maps(realm, "clients").stream().filter(c -> clientId.equals(c.get("clientId"))).findFirst().orElseThrow();
    }

    private Map<String, Object> user(String username) {
        return Yaml.maps(realm, "users").stream().filter(u -> username.equals(u.get("username"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> mapper) {
        return (Map<String, Object>) mapper.get("config");
    }
}
