package news.kit.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** Builds token decoders and the role mapping from {@link NewsJwtProperties}, for servlet and reactive services. */
public final class NewsJwt {

    private static final Logger log = LoggerFactory.getLogger(NewsJwt.class);

    private NewsJwt() {
    }

    public static JwtDecoder decoder(NewsJwtProperties properties) {
        if (NewsJwtProperties.hasText(properties.jwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            if (NewsJwtProperties.hasText(properties.issuerUri())) {
                decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
            }
            return decoder;
        }
        if (NewsJwtProperties.hasText(properties.issuerUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
            return decoder;
        }
        warnDevelopmentKey(properties);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(properties)).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.expectedIssuer()));
        return decoder;
    }

    public static ReactiveJwtDecoder reactiveDecoder(NewsJwtProperties properties) {
        if (NewsJwtProperties.hasText(properties.jwkSetUri())) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            if (NewsJwtProperties.hasText(properties.issuerUri())) {
                decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
            }
            return decoder;
        }
        if (NewsJwtProperties.hasText(properties.issuerUri())) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
            return decoder;
        }
        warnDevelopmentKey(properties);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties)).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.expectedIssuer()));
        return decoder;
    }

    /** Maps {@code roles: ["editor"]} to the authority {@code ROLE_editor}, so {@code hasRole("editor")} works. */
    public static JwtAuthenticationConverter authenticationConverter(NewsJwtProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(rolesToAuthorities(properties.rolesClaim()));
        return converter;
    }

    public static Converter<Jwt, Collection<GrantedAuthority>> rolesToAuthorities(String claim) {
        return jwt -> {
            Object roles = jwt.getClaims().get(claim);
            if (!(roles instanceof Collection<?> list)) {
                return List.of();
            }
            return list.stream().filter(String.class::isInstance).map(String.class::cast)
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        };
    }

    static RSAPublicKey publicKey(NewsJwtProperties properties) {
        try (InputStream in = properties.publicKey().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("news.security.jwt.public-key=" + properties.publicKey()
                    + " is not a readable RSA public key in PEM form. Point it at one, or set"
                    + " news.security.jwt.issuer-uri (NEWS_JWT_ISSUER_URI) to trust an identity provider.", e);
        }
    }

    private static void warnDevelopmentKey(NewsJwtProperties properties) {
        if (properties.publicKey().getDescription().contains("news/dev-keys/")) {
            log.warn("Trusting bearer tokens signed with the public DEVELOPMENT key ({}). Fine locally; in production"
                    + " set NEWS_JWT_ISSUER_URI or NEWS_JWT_JWK_SET_URI.", properties.publicKey().getDescription());
        }
    }
}
