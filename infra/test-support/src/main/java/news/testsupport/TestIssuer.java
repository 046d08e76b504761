package news.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect issuer for tests, in the test JVM: a key pair generated when it starts (never written anywhere),
 * its discovery document and JWK set served on a loopback port. Services under test trust it exactly as they trust
 * a real provider ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); {@link TestTokens} signs with its
 * key. {@link #shared()} is the one every Spring test context of the JVM points at; {@link #start()} makes another,
 * for tests about a provider the services must not trust.
 */
public final class TestIssuer {

    /** The audience the services require by default. */
    public static final String AUDIENCE = "news-platform";

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, String> refreshes = new java.util.concurrent.ConcurrentHashMap<>();

    private TestIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The issuer every Spring test context of this JVM trusts (started at the first call, stopped with the JVM). */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-issuer-stop"));
        }
        return shared;
    }

    /** A new issuer with a key of its own. */
    public static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("test-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server, key);
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.json(exchange, issuer.discovery()));
            server.createContext("/jwks", exchange -> issuer.json(exchange, new JWKSet(key.toPublicJWK()).toJSONObject()));
            server.createContext("/oauth2/token", issuer::token);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "test-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test issuer", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the test issuer's key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/jwks";
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public half of the signing key as a JWK, as its JWK set publishes it. */
    public String publicKeyJson() {
        return key.toPublicJWK().toJSONString();
    }

    /** Signs the claims with this issuer's key, exactly as given (no claim added). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /**
     * Makes the token endpoint answer a refresh-token grant for {@code refreshToken} with {@code accessToken} (and a new
     * refresh token), as a provider does when a client refreshes a session's access token.
     */
    public void onRefresh(String refreshToken, String accessToken) {
        refreshes.put(refreshToken, accessToken);
    }

    public void stop() {
        server.stop(0);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("jwks_uri", jwkSetUri());
        document.put("authorization_endpoint", issuer + "/oauth2/authorize");
        document.put("token_endpoint", issuer + "/oauth2/token");
        document.put("userinfo_endpoint", issuer + "/userinfo");
        document.put("end_session_endpoint", issuer + "/connect/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        return document;
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String accessToken = "refresh_token".equals(parameters.get("grant_type"))
                ? refreshes.remove(parameters.getOrDefault("refresh_token", "")) : null;
        if (accessToken == null) {
            byte[] error = "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, error.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(error);
            }
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        answer.put("refresh_token", "rotated-" + UUID.randomUUID());
        json(exchange, answer);
    }

    private void json(HttpExchange exchange, Map<String, Object> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
