/**
 * Reads the platform's event contracts from the classpath: the topic list ({@code contracts/topics.yaml}) and the
 * JSON Schema of every event type ({@code contracts/schemas}). Used by the test support to create topics and check
 * emitted payloads, and by the local runtime to create topics. Holds no event types on purpose: each service keeps
 * its own records and proves them against these schemas.
 */
package news.contracts;
