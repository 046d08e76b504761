package news.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Two filter chains: the provider's protocol endpoints (authorization, token, JWK set, discovery, user info, logout),
 * and everything else, which is the login page and its form.
 */
@Configuration(proxyBeanMethods = false)
class ProviderSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
            // the clients' secrets are checked with their own encoder, not the people's BCrypt (ClientSecrets)
            server.clientAuthentication(clients -> clients.authenticationProviders(providers -> providers.forEach(
                    provider -> {
                        if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                            secrets.setPasswordEncoder(ClientSecrets.ENCODER);
                        }
                    })));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        // the user info endpoint is called with an access token
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LoginPage.PATH), browsers));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(LoginPage.PATH, "/login.css", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LoginPage.PATH));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties) {
        return Clients.of(properties);
    }

    @Bean
    Accounts accounts(IdentityProperties properties) {
        return new Accounts(properties.accounts());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts, PasswordEncoder encoder) {
        return accounts.userDetailsService(encoder);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(Accounts accounts, IdentityProperties properties) {
        return new TokenClaims(accounts, properties);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.signingKey())));
    }
}
