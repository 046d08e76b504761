/**
 * What every request meets at the door, before it is routed or a page is assembled: a request id and a W3C trace
 * context, the client's address, CORS for the configured frontends, bearer-token checks on writes, a per-client
 * budget of writes, a request-size limit, and RFC 9457 problem details for every error the gateway itself answers.
 */
package news.gateway.edge;
