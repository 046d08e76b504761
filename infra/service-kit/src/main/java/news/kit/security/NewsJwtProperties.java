package news.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Which tokens to trust ({@code news.security.jwt.*}).
 *
 * @param issuerUri        the identity provider's issuer; its discovery document gives the keys (production)
 * @param jwkSetUri        the identity provider's key set, when it has no discovery document (production)
 * @param publicKey        an RSA public key (PEM) to trust when neither is set: the development key by default
 * @param expectedIssuer   the {@code iss} tokens must carry when verified with {@code publicKey}
 * @param rolesClaim       the claim that lists the roles ({@code reader}, {@code editor})
 */
@ConfigurationProperties("news.security.jwt")
public record NewsJwtProperties(String issuerUri,
                                String jwkSetUri,
                                @DefaultValue("classpath:news/dev-keys/jwt-dev-public.pem") Resource publicKey,
                                @DefaultValue("news-platform-dev") String expectedIssuer,
                                @DefaultValue("roles") String rolesClaim) {

    public boolean usesIdentityProvider() {
        return hasText(issuerUri) || hasText(jwkSetUri);
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
