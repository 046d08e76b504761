package news.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims every service relies on, whoever the provider: {@code sub}, {@code name}, {@code roles} and the
 * platform's audience in access tokens; {@code name} and {@code roles} in ID tokens too, so the gateway can show who
 * is signed in. A token minted through the platform's client carries the subject, name and role the request asks
 * for ({@code sub}, {@code name}, {@code role}, {@code ttl} form parameters): that client exists only in this local
 * provider, and its secret only in the local data folder.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private final Accounts accounts;
    private final IdentityProperties properties;

    TokenClaims(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (accessToken && properties.cli().clientId().equals(context.getRegisteredClient().getClientId())) {
                OAuth2ClientCredentialsAuthenticationToken grant = context.getAuthorizationGrant();
                minted(claims, grant.getAdditionalParameters());
            }
            return;
        }
        if (!accessToken && !idToken) {
            return;
        }
        accounts.find(context.getPrincipal().getName()).ifPresent(account -> claims
                .claim("name", account.name())
                .claim("preferred_username", account.username())
                .claim("roles", account.roles()));
        if (accessToken) {
            claims.audience(List.of(properties.audience()));
        }
    }

    private void minted(JwtClaimsSet.Builder claims, Map<String, Object> parameters) {
        String subject = text(parameters, "sub");
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw invalid("sub must be 1-128 letters, digits or . _ @ -");
        }
        String role = text(parameters, "role");
        List<String> roles = switch (role == null ? "" : role) {
            case "reader" -> List.of("reader");
            case "editor" -> List.of("reader", "editor");
            default -> throw invalid("role must be reader or editor");
        };
        String name = text(parameters, "name");
        claims.subject(subject)
                .claim("name", name == null || name.isBlank() ? subject : name)
                .claim("roles", roles)
                .audience(List.of(properties.audience()));
        String ttl = text(parameters, "ttl");
        if (ttl != null) {
            Duration life;
            try {
                life = Duration.ofSeconds(Long.parseLong(ttl));
            } catch (NumberFormatException e) {
                throw invalid("ttl is a number of seconds");
            }
            if (life.isNegative() || life.isZero() || life.compareTo(properties.cli().maxTimeToLive()) > 0) {
                throw invalid("ttl must be between 1 second and " + properties.cli().maxTimeToLive().toSeconds());
            }
            claims.expiresAt(Instant.now().plus(life));
        }
    }

    private static String text(Map<String, Object> parameters, String name) {
        return parameters.get(name) instanceof String value ? value : null;
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
    }
}
