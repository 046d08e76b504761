package news.gateway.signin;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.session.MapSession;

import news.testsupport.TestIssuer;

/**
 * Sessions as the gateway keeps them after a sign-in (security context and authorized client), stored the way any
 * instance would store them.
 */
final class SignedIn {

    static final String AUTHORIZED_CLIENTS = WebSessionServerOAuth2AuthorizedClientRepository.class.getName()
            + ".AUTHORIZED_CLIENTS";

    private final MongoWebSessions sessions;
    private final ReactiveClientRegistrationRepository clients;

    SignedIn(MongoWebSessions sessions, ReactiveClientRegistrationRepository clients) {
        this.sessions = sessions;
        this.clients = clients;
    }

    /** A new session; returns the value of its cookie. The refresh token is {@code refresh-<id>}. */
    String session(String subject, String name, List<String> roles, String accessToken, long secondsLeft) {
        Instant now = Instant.now();
        OidcIdToken idToken = new OidcIdToken("id-token-of-" + subject, now, now.plusSeconds(300), Map.of("sub", subject,
                "name", name, "roles", roles, "iss", TestIssuer.shared().issuer(), "aud", List.of("news-gateway")));
        List<SimpleGrantedAuthority> authorities = roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        DefaultOidcUser user = new DefaultOidcUser(authorities, idToken, "sub");
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, authorities, "news");
        MapSession session = sessions.createSession().block();
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(clients.findByRegistrationId("news").block(), subject,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(secondsLeft)),
                new OAuth2RefreshToken("refresh-" + session.getId(), now));
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(authentication));
        session.setAttribute(AUTHORIZED_CLIENTS, new HashMap<>(Map.of("news", client)));
        sessions.save(session).block();
        return session.getId();
    }
}
