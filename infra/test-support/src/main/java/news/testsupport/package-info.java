/**
 * How every module's integration tests get real infrastructure: a real Kafka broker in KRaft mode and a MongoDB
 * endpoint reached through the real driver, topics created from the contract's topic list, and assertions that
 * records follow the CloudEvents rules and their payload schema. Annotate a Spring test with
 * {@link news.testsupport.UseNewsInfrastructure}; choose embedded (default) or Testcontainers with
 * {@code -Dnews.test.infra=containers} ({@code -Pcontainers}). Tests speak HTTP through {@link news.testsupport.TestHttp};
 * a field or parameter marked {@link news.testsupport.ServiceClient} gets one of the service under test.
 */
package news.testsupport;
