/**
 * Bearer tokens (JWT, DESIGN §3): which key or issuer to trust, how the {@code roles} claim becomes authorities, and
 * 401/403 answers as problem details. With {@code news.security.jwt.issuer-uri} or {@code jwk-set-uri} set, the
 * services trust that identity provider only; without, they trust the development key of {@code infra/dev-keys}
 * and say so at start-up.
 */
package news.kit.security;
