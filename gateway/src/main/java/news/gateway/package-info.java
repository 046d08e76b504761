/**
 * The gateway is the one door for web frontends: it routes the public API to the owning service, validates bearer
 * tokens, assembles whole pages in one call from the services and its own read models of {@code news.rankings}
 * and {@code news.article-events}, and keeps answering with the parts it has when a service is down.
 */
package news.gateway;
