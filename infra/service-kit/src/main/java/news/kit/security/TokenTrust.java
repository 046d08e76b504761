package news.kit.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which bearer tokens a service accepts: those of one issuer, for the platform's audience. Boot's resource-server
 * settings hold both ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, or {@code jwk-set-uri} plus the
 * issuer, and {@code audiences}); this class refuses to start a service whose settings would trust no one or anyone,
 * and names the setting to fix. The development switch ({@code news.security.development}, set only by
 * {@code infra/platform} and tests) makes a service without an issuer trust the local provider of
 * {@code infra/platform up} instead.
 */
public final class TokenTrust {

    public static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    public static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    public static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";
    public static final String DEVELOPMENT = "news.security.development";

    private TokenTrust() {
    }

    /** The issuer a development run trusts when none is configured: the local provider, on IDENTITY_PORT. */
    public static Optional<Map<String, Object>> developmentDefaults(Environment environment) {
        if (!development(environment) || hasText(environment.getProperty(ISSUER_URI))
                || hasText(environment.getProperty(JWK_SET_URI))) {
            return Optional.empty();
        }
        return Optional.of(Map.of(ISSUER_URI, "http://localhost:" + environment.getProperty("IDENTITY_PORT", "9000")));
    }

    public static boolean development(Environment environment) {
        return environment.getProperty(DEVELOPMENT, Boolean.class, false);
    }

    /** Throws {@link UntrustworthySettingsException} when the settings would not tie tokens to one issuer and audience. */
    public static void check(Environment environment) {
        String issuer = environment.getProperty(ISSUER_URI);
        String jwkSet = environment.getProperty(JWK_SET_URI);
        if (!hasText(issuer) && !hasText(jwkSet)) {
            throw new UntrustworthySettingsException(ISSUER_URI, "No identity provider is configured, so no bearer"
                    + " token could be checked.", "Set " + ISSUER_URI + " (environment variable "
                    + environmentVariable(ISSUER_URI) + ") to the issuer of your OpenID Connect provider, e.g."
                    + " https://keycloak.example.com/realms/news (docs/deploy.md, \"Bring your own identity provider\")."
                    + " Local runs get theirs from infra/platform up, which sets " + DEVELOPMENT + "=true.");
        }
        if (!hasText(issuer)) {
            throw new UntrustworthySettingsException(ISSUER_URI, JWK_SET_URI + " is set without " + ISSUER_URI
                    + ": tokens of every issuer that shares this key set would be accepted.", "Set " + ISSUER_URI
                    + " (" + environmentVariable(ISSUER_URI) + ") to the issuer the tokens must name.");
        }
        List<String> audiences = Binder.get(environment).bind(AUDIENCES, Bindable.listOf(String.class))
                .orElse(List.of()).stream().filter(TokenTrust::hasText).toList();
        if (audiences.isEmpty()) {
            throw new UntrustworthySettingsException(AUDIENCES, AUDIENCES + " is empty: tokens the provider issued"
                    + " for any of its applications would be accepted.", "Set " + AUDIENCES + " ("
                    + environmentVariable(AUDIENCES) + ") to the audience the provider puts in the platform's access"
                    + " tokens; the default is news-platform.");
        }
    }

    static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
