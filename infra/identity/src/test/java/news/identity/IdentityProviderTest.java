package news.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import news.launcher.Ports;
import news.launcher.TokenMint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider over real HTTP, as the gateway, the services and {@code infra/platform token} use it: discovery,
 * authorization code + PKCE through the login page, refresh, minted tokens, and the claims every service relies on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IdentityProviderTest {

    private static final int PORT = Ports.freePort();
    private static final String ISSUER = "http://localhost:" + PORT;
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/news";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("news.identity.signing-key", () -> data.resolve("identity/signing-key.json").toString());
        registry.add("news.identity.gateway.client-secret", () -> "gateway-secret");
        registry.add("news.identity.cli.client-secret", () -> "cli-secret");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository clients;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JwtDecoder services = services();

    @Test
    void discoveryNamesTheIssuerAndTheEndpointsTheGatewayAndServicesUse() throws Exception {
        JsonNode discovery = JSON.readTree(get(ISSUER + "/.well-known/openid-configuration").body());

        assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.path("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void aliceSignsInWithPkceAndGetsTokensWithHerNameRolesAndThePlatformsAudience() throws Exception {
        Map<String, String> tokens = signIn("alice", "news-demo");

        Jwt access = services.decode(tokens.get("access_token"));
        assertThat(access.getSubject()).isEqualTo("alice");
        assertThat(access.getClaimAsString("name")).isEqualTo("Alice Park");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("reader");
        assertThat(access.getAudience()).containsExactly("news-platform");
        Jwt id = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build().decode(tokens.get("id_token"));
        assertThat(id.getAudience()).as("the ID token is the gateway's alone").containsExactly("news-gateway");
        assertThat(id.getClaimAsString("name")).isEqualTo("Alice Park");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("reader");
        assertThat(tokens.get("refresh_token")).isNotBlank();
    }

    @Test
    void theRefreshTokenGivesANewAccessTokenAndIsRotated() throws Exception {
        Map<String, String> first = signIn("eve", "news-demo");

        HttpResponse<String> refreshed = token("gateway-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", first.get("refresh_token")));
        JsonNode body = JSON.readTree(refreshed.body());
        HttpResponse<String> reused = token("gateway-secret", Map.of("grant_type", "refresh_token",
                "refresh_token", first.get("refresh_token")));

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Jwt access = services.decode(body.path("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("eve");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("reader", "editor");
        assertThat(body.path("refresh_token").asString()).isNotEqualTo(first.get("refresh_token"));
        assertThat(reused.statusCode()).as("a used refresh token is spent").isEqualTo(400);
    }

    @Test
    void aWrongPasswordComesBackToTheLoginPageWithAnError() throws Exception {
        String csrf = loginPageCsrf(ISSUER + "/login");
        HttpResponse<String> answer = postForm(ISSUER + "/login", Map.of("username", "alice", "password", "guess",
                "_csrf", csrf));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(get(ISSUER + "/login?error").body()).contains("Wrong username or password");
    }

    @Test
    void anAuthorizationRequestWithoutPkceOrWithAnUnregisteredRedirectIsRefused() throws Exception {
        HttpResponse<String> noPkce = get(ISSUER + "/oauth2/authorize?response_type=code&client_id=news-gateway"
                + "&scope=openid&state=s&redirect_uri=" + encode(REDIRECT));
        HttpResponse<String> elsewhere = get(ISSUER + "/oauth2/authorize?response_type=code&client_id=news-gateway"
                + "&scope=openid&state=s&code_challenge=abc&code_challenge_method=S256&redirect_uri="
                + encode("https://evil.example/callback"));

        assertThat(noPkce.headers().firstValue("Location").orElse(""))
                .as("PKCE is required: the error goes back to the registered redirect").contains("error=invalid_request");
        assertThat(elsewhere.statusCode()).as("never redirected to an unregistered address").isEqualTo(400);
    }

    @Test
    void tokensMintedForApiClientsCarryTheAskedSubjectNameAndRole() {
        TokenMint mint = new TokenMint(URI.create(ISSUER), "news-platform-cli", "cli-secret");

        Jwt editor = services.decode(mint.mint("eve", "Eve Moreau", "editor", Duration.ofHours(8)));
        Jwt reader = services.decode(mint.mint("bob", "Bob", "reader", Duration.ofMinutes(5)));

        assertThat(editor.getSubject()).isEqualTo("eve");
        assertThat(editor.getClaimAsString("name")).isEqualTo("Eve Moreau");
        assertThat(editor.getClaimAsStringList("roles")).containsExactly("reader", "editor");
        assertThat(editor.getAudience()).containsExactly("news-platform");
        assertThat(Duration.between(editor.getIssuedAt(), editor.getExpiresAt())).isEqualTo(Duration.ofHours(8));
        assertThat(reader.getClaimAsStringList("roles")).containsExactly("reader");
        assertThatThrownBy(() -> mint.mint("eve", "Eve", "admin", Duration.ofHours(1)))
                .hasMessageContaining("role must be reader or editor");
        assertThatThrownBy(() -> new TokenMint(URI.create(ISSUER), "news-platform-cli", "wrong")
                .mint("eve", "Eve", "editor", Duration.ofHours(1))).hasMessageContaining("401");
    }

    @Test
    void clientSecretsAreCheckedWithoutBcryptEvenAfterUse() {
        TokenMint mint = new TokenMint(URI.create(ISSUER), "news-platform-cli", "cli-secret");
        mint.mint("eve", "Eve", "reader", Duration.ofMinutes(5));
        mint.mint("eve", "Eve", "reader", Duration.ofMinutes(5));

        assertThat(clients.findByClientId("news-platform-cli").getClientSecret())
                .as("the stored secret, not upgraded to a slow hash by its use").startsWith("{pbkdf2-hmac-sha256-1}")
                .doesNotContain("cli-secret");
        assertThatThrownBy(() -> new TokenMint(URI.create(ISSUER), "news-platform-cli", "cli-secreT")
                .mint("eve", "Eve", "reader", Duration.ofMinutes(5))).hasMessageContaining("401");
    }

    @Test
    void theGatewayCannotMintTokensForWhomeverItLikes() throws Exception {
        HttpResponse<String> answer = token("gateway-secret", Map.of("grant_type", "client_credentials",
                "sub", "eve", "role", "editor"));

        assertThat(answer.statusCode()).isEqualTo(400);
    }

    @Test
    void theSigningKeyWasWrittenToTheDataFolderForItsOwnerOnly() throws Exception {
        Path key = data.resolve("identity/signing-key.json");

        assertThat(Files.getPosixFilePermissions(key).stream().map(Object::toString).sorted().toList())
                .containsExactly("OWNER_READ", "OWNER_WRITE");
        assertThat(SigningKey.loadOrCreate(key).getKeyID())
                .as("read again at the next start, not replaced").isEqualTo(SigningKey.loadOrCreate(key).getKeyID());
        assertThat(get(ISSUER + "/oauth2/jwks").body()).contains(SigningKey.loadOrCreate(key).getKeyID())
                .doesNotContain("\"d\"");
    }

    @Test
    void aTokenFromAnotherKeyIsNotOneOfOurs() {
        assertThatThrownBy(() -> services.decode(
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJldmUiLCJyb2xlcyI6WyJlZGl0b3IiXX0.c2lnbmF0dXJl"))
                .isInstanceOf(JwtException.class);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Authorization code + PKCE, as the gateway does it: authorize, log in, follow back, exchange the code. */
    private Map<String, String> signIn(String username, String password) throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = ISSUER + "/oauth2/authorize?response_type=code&client_id=news-gateway&scope="
                + encode("openid profile") + "&state=st4te&nonce=n0nce&code_challenge=" + challenge
                + "&code_challenge_method=S256&redirect_uri=" + encode(REDIRECT);
        HttpResponse<String> toLogin = get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        String loginUrl = toLogin.headers().firstValue("Location").orElseThrow();
        assertThat(loginUrl).isEqualTo(ISSUER + "/login");

        String csrf = loginPageCsrf(loginUrl);
        HttpResponse<String> loggedIn = postForm(ISSUER + "/login", Map.of("username", username, "password", password,
                "_csrf", csrf));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> back = get(loggedIn.headers().firstValue("Location").orElseThrow());
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(REDIRECT + "?code=").contains("state=st4te");
        String code = URI.create(callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<String> exchanged = token("gateway-secret", Map.of("grant_type", "authorization_code",
                "code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8), "redirect_uri", REDIRECT,
                "code_verifier", verifier));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(exchanged.body());
        return Map.of("access_token", body.path("access_token").asString(), "id_token",
                body.path("id_token").asString(), "refresh_token", body.path("refresh_token").asString());
    }

    private String loginPageCsrf(String loginUrl) throws Exception {
        HttpResponse<String> page = get(loginUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\">").contains("<label for=\"username\">")
                .contains("alice").contains("eve");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> token(String secret, Map<String, String> form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("news-gateway:" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What a service of the platform checks: this issuer's keys, its name in iss, the platform in aud. */
    private static JwtDecoder services() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build();
        decoder.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithValidators(List.of(
                new org.springframework.security.oauth2.jwt.JwtIssuerValidator(ISSUER),
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains("news-platform")))));
        return decoder;
    }
}
