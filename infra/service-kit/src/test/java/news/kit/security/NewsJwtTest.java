package news.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import news.testsupport.TestTokens;

class NewsJwtTest {

    private final NewsJwtProperties devKey = new NewsJwtProperties(null, null,
            new ClassPathResource("news/dev-keys/jwt-dev-public.pem"), "news-platform-dev", "roles");
    private final JwtDecoder decoder = NewsJwt.decoder(devKey);

    @Test
    void acceptsATokenMintedWithTheDevelopmentKeyAndMapsItsRolesToAuthorities() {
        Jwt jwt = decoder.decode(TestTokens.withRoles("alice", "Alice Kim", List.of("reader", "editor")));

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Alice Kim");
        assertThat(NewsJwt.rolesToAuthorities("roles").convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_reader", "ROLE_editor");
    }

    @Test
    void rejectsExpiredUnsignedAndTamperedTokens() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.expired("bob", List.of("reader"))))
                .isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(TestTokens.unsigned("mallory", List.of("editor"))))
                .isInstanceOf(JwtException.class);
        String token = TestTokens.reader("eve");
        String[] parts = token.split("\\.");
        String escalated = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"reader\"", "\"editor\"").getBytes());
        assertThatThrownBy(() -> decoder.decode(parts[0] + "." + escalated + "." + parts[2]))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWithoutRolesGrantsNothing() {
        Jwt jwt = decoder.decode(TestTokens.withRoles("carol", "Carol", List.of()));
        assertThat(NewsJwt.rolesToAuthorities("roles").convert(jwt)).isEmpty();
    }

    @Test
    void anUnreadablePublicKeyFailsWithAMessageThatSaysHowToFixIt() {
        NewsJwtProperties broken = new NewsJwtProperties(null, null, new ByteArrayResource("not a key".getBytes()),
                "news-platform-dev", "roles");
        assertThatThrownBy(() -> NewsJwt.decoder(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEWS_JWT_ISSUER_URI");
    }
}
