package news.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import news.kit.web.KitTestApplication;
import news.testsupport.TestHttp;
import news.testsupport.TestIssuer;
import news.testsupport.TestTokens;

/**
 * A service trusts the tokens of its configured issuer for the platform's audience, and nothing else; without an
 * issuer it does not start (unless the development switch is on), and says which setting to set.
 */
class TokenTrustTest {

    @Test
    void withoutAnIssuerAndWithoutTheDevelopmentSwitchTheServiceFailsToStartNamingTheSetting() {
        assertThatThrownBy(() -> start("--server.port=0"))
                .isInstanceOf(UntrustworthySettingsException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
    }

    @Test
    void aKeySetWithoutAnIssuerOrAnEmptyAudienceIsRefusedToo() {
        assertThatThrownBy(() -> start("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIssuer.shared().jwkSetUri()))
                .isInstanceOf(UntrustworthySettingsException.class)
                .hasMessageContaining("jwk-set-uri is set without spring.security.oauth2.resourceserver.jwt.issuer-uri");
        assertThatThrownBy(() -> start("--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().issuer(),
                "--spring.security.oauth2.resourceserver.jwt.audiences="))
                .isInstanceOf(UntrustworthySettingsException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences is empty");
    }

    @Test
    void theDevelopmentSwitchStartsTheServiceTrustingTheLocalProvider() {
        try (ConfigurableApplicationContext context = start("--server.port=0", "--news.security.development=true",
                "--IDENTITY_PORT=9123")) {
            assertThat(context.getEnvironment().getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                    .isEqualTo("http://localhost:9123");
            assertThat(((WebServerApplicationContext) context).getWebServer().getPort()).isPositive();
        }
    }

    /** Issuer mode: the service finds the keys through the issuer's discovery document. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class)
    class IssuerMode {

        @LocalServerPort
        int port;

        @Test
        void aTokenOfTheIssuerForThePlatformIsAccepted() throws Exception {
            assertThat(post(port, TestTokens.editor("ed")).statusCode()).isEqualTo(200);
        }

        @Test
        void aTokenSignedWithTheRetiredDevelopmentKeyIs401() throws Exception {
            HttpResponse<String> response = post(port, TestTokens.retiredDevelopmentKey("alice", List.of("editor")));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        }

        @Test
        void aTokenIssuedForAnotherApplicationOfTheSameProviderIs401() throws Exception {
            HttpResponse<String> response = post(port, TestTokens.forAudience("intranet-wiki", "ed", List.of("editor")));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.body()).contains("aud");
        }

        @Test
        void aTokenOfAnotherIssuerIs401() throws Exception {
            TestIssuer other = TestIssuer.start();
            try {
                String foreign = other.sign(TestTokens.claims("ed", "Ed", List.of("editor")).issuer(other.issuer()).build());
                assertThat(post(port, foreign).statusCode()).isEqualTo(401);
            } finally {
                other.stop();
            }
        }

        @Test
        void onlyAnArrayOfRolesGrantsARole() throws Exception {
            String plainString = TestIssuer.shared().sign(TestTokens.claims("ed", "Ed", List.of())
                    .claim("roles", "editor").build());
            String nested = TestIssuer.shared().sign(TestTokens.claims("ed", "Ed", List.of())
                    .claim("roles", List.of(List.of("editor"))).build());

            assertThat(post(port, plainString).statusCode()).isEqualTo(403);
            assertThat(post(port, nested).statusCode()).isEqualTo(403);
        }
    }

    /**
     * Key-set mode, as with a multi-tenant provider whose tenants share one key set: only the issuer check tells the
     * platform's tokens from another tenant's.
     */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class,
            properties = {"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=${news.test.issuer}/jwks",
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri=${news.test.issuer}"})
    class KeySetMode {

        @LocalServerPort
        int port;

        @Test
        void aTokenSignedWithTheSharedKeysButNamingAnotherIssuerIs401() throws Exception {
            HttpResponse<String> other = post(port, TestTokens.fromIssuer("https://other-tenant.example", "ed",
                    List.of("editor")));

            assertThat(other.statusCode()).as(other.body()).isEqualTo(401);
            assertThat(other.body()).contains("iss");
            assertThat(post(port, TestTokens.editor("ed")).statusCode()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(KitTestApplication.class).run(args);
    }

    private static HttpResponse<String> post(int port, String token) {
        return TestHttp.local(port).post("/editor/drafts", token, "{\"title\":\"t\"}");
    }
}
