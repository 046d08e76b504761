/**
 * The local runtime's MongoDB-compatible store: mongo-java-server speaking the MongoDB wire protocol, with its H2
 * MVStore backend so that data survives restarts. Not MongoDB: no transactions, no change streams (see
 * infra/README.md), which is why no service relies on them.
 */
package news.localmongo;
