package news.gateway.signin;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

import news.gateway.edge.AccessRules;
import news.kit.security.RolesClaim;

/**
 * The browser's door: OAuth2 login with PKCE, the session (MongoDB, cookie {@code NEWS_SESSION}), the tokens in the
 * session, CSRF for cookie writes, sign-out at both ends. Ordered before the bearer-token chain, and matching only
 * {@link BrowserRequests}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
@EnableConfigurationProperties(SignInProperties.class)
class SignInConfiguration {

    static final String REGISTRATION = "news";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain browserSessions(ServerHttpSecurity http, SignInProperties properties,
                                           ReactiveClientRegistrationRepository clients,
                                           ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler endBoth = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        endBoth.setPostLogoutRedirectUri("{baseUrl}/");
        endBoth.setRedirectStrategy(new LocationForScripts());
        return http
                .securityMatcher(new BrowserRequests(properties.sessionCookie()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(e -> e.authenticationEntryPoint(NewsroomDoor::unauthorized)
                        .accessDeniedHandler(NewsroomDoor::forbidden))
                .oauth2Login(login -> login.authorizationRequestResolver(pkce)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new ReturnToPage())
                        .authenticationFailureHandler(ReturnToPage::failed))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(endBoth))
                .authorizeExchange(rules -> AccessRules.apply(rules
                                .pathMatchers("/login", "/oauth2/**", "/login/oauth2/**", "/api/session").permitAll())
                        .anyExchange().authenticated())
                .build();
    }

    @Bean
    MongoWebSessions sessionRepository(ReactiveMongoOperations mongo,
                                                                             SignInProperties properties) {
        MongoWebSessions sessions = new MongoWebSessions(mongo, properties.sessionTimeout());
        sessions.expireIndex().subscribe();
        return sessions;
    }

    /** HttpOnly, {@code SameSite=Lax}, and {@code Secure} whenever the request came over HTTPS (Spring's defaults). */
    @Bean
    WebSessionIdResolver webSessionIdResolver(SignInProperties properties) {
        CookieWebSessionIdResolver cookies = new CookieWebSessionIdResolver();
        cookies.setCookieName(properties.sessionCookie());
        return cookies;
    }

    /** The tokens live in the session, so that every instance has them. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** What TokenRelay asks for the session's access token: refreshed when it expires within a minute. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository clients,
                                                                  ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(clients, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** The signed-in user's roles come from the provider's roles claim, as the services read them from tokens. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(Environment environment) {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        RolesClaim roles = new RolesClaim(environment.getProperty(RolesClaim.CLAIM_SETTING, "roles"));
        return request -> delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
            authorities.addAll(roles.authorities(user.getClaims()));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "sub");
        });
    }
}
