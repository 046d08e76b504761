/**
 * The local OpenID Connect provider of {@code infra/platform up}: Spring Authorization Server with the demo
 * accounts, a signing key kept in the data folder, the gateway's client (authorization code + PKCE, refresh tokens,
 * RP-initiated logout) and the platform's minting client. Tokens carry {@code sub}, {@code name}, {@code roles} and
 * the platform's audience, as every service expects of any provider.
 */
package news.identity;
