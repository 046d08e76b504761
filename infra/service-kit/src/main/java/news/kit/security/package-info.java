/**
 * Bearer tokens: every service trusts one OpenID Connect issuer and the platform's audience, through Boot's
 * resource-server settings ({@code spring.security.oauth2.resourceserver.jwt.*}, with the kit's defaults for the
 * audience and the {@code roles} claim), and refuses to start when they would trust no one or anyone
 * ({@link news.kit.security.TokenTrust}). 401 and 403 are answered as problem details.
 */
package news.kit.security;
