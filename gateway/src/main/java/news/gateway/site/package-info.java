/**
 * The reference web page: plain HTML, CSS and one small script (no build step) served at {@code /} and
 * {@code /article/{id}}, calling the page API. It shows how a frontend uses the gateway and is what the browser
 * tests drive. A strict Content-Security-Policy allows only the gateway's own script and styles. Each page is put
 * together once, when the gateway starts, from its file in {@code site/} and the shared parts it includes from
 * {@code site/parts/} ({@link news.gateway.site.SiteIncludes}): the head, masthead and footer are written once.
 */
package news.gateway.site;
