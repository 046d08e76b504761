/**
 * RFC 9457 problem details for every error a servlet service returns, with a {@code detail} a client developer can
 * act on (which field, which rule), and a request-size limit that answers 413 before a huge body is read.
 */
package news.kit.web;
