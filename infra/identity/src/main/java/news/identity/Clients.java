package news.identity;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two clients of the local provider. The gateway signs browsers in with authorization code + PKCE and keeps the
 * session alive with refresh tokens (rotated on each use); the minting client gets tokens for API clients through
 * client credentials, with the subject and role it asks for (see {@link TokenClaims}).
 */
final class Clients {

    /** The registration id the gateway uses for this provider: its callback is {@code /login/oauth2/code/news}. */
    static final String GATEWAY_REGISTRATION = "news";

    private Clients() {
    }

    static RegisteredClientRepository of(IdentityProperties properties) {
        IdentityProperties.Gateway gateway = properties.gateway();
        RegisteredClient browserClient = client(gateway.clientId(), gateway.clientSecret(), "News platform gateway")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(forms(gateway.baseUrl(), "/login/oauth2/code/" + GATEWAY_REGISTRATION)))
                .postLogoutRedirectUris(uris -> uris.addAll(forms(gateway.baseUrl(), "/")))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.accessTokenTimeToLive())
                        .reuseRefreshTokens(false)
                        .refreshTokenTimeToLive(java.time.Duration.ofDays(1))
                        .build())
                .build();
        IdentityProperties.Cli cli = properties.cli();
        RegisteredClient mintingClient = client(cli.clientId(), cli.clientSecret(), "infra/platform token")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(cli.maxTimeToLive()).build())
                .build();
        return new InMemoryRegisteredClientRepository(browserClient, mintingClient);
    }

    /** A confidential client that authenticates with its id and secret over HTTP Basic. */
    private static RegisteredClient.Builder client(String id, String secret, String name) {
        return RegisteredClient.withId(id)
                .clientId(id)
                .clientSecret(ClientSecrets.ENCODER.encode(secret))
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }

    /** The URI on the given base, plus its 127.0.0.1 form when the base is localhost: browsers may use either. */
    private static Set<String> forms(URI base, String path) {
        Set<String> forms = new LinkedHashSet<>();
        String uri = UriComponentsBuilder.fromUri(base).replacePath(path).build().toUriString();
        forms.add(uri);
        if ("localhost".equals(base.getHost())) {
            forms.add(UriComponentsBuilder.fromUri(base).host("127.0.0.1").replacePath(path).build().toUriString());
        }
        return forms;
    }
}
