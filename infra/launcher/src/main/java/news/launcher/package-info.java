/**
 * The local runtime behind {@code infra/platform}: real processes for the Kafka broker (KRaft), the
 * MongoDB-compatible store, the identity provider and the four services, each in a JVM of its own, plus tokens for
 * API clients minted through that provider. Plain Java
 * without Spring so that it starts in a blink; the same classes let system tests start, kill, freeze and restart
 * real processes.
 */
package news.launcher;
