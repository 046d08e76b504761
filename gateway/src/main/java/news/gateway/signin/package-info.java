/**
 * Browsers sign in at the gateway (the backend-for-frontend pattern): OAuth2 authorization code + PKCE against the
 * configured OpenID Connect provider, the session in an HttpOnly {@code SameSite=Lax} cookie backed by MongoDB (any
 * instance serves any session), the session's access token relayed to the services and refreshed before it expires,
 * CSRF protection for cookie-authenticated writes, and sign-out at the gateway and the provider. Bearer-token API
 * clients never meet any of it, and neither do public reads.
 */
package news.gateway.signin;
