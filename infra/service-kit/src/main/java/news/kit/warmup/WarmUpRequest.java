package news.kit.warmup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request a service sends to itself before it takes traffic ({@link WarmUp}). It must change nothing a reader or
 * an analyst could see: reads, and writes that are refused (an unknown article, no token).
 *
 * @param method  the HTTP method
 * @param path    the path and query, from the root of the service
 * @param body    a JSON body, or null for none
 * @param headers extra headers (a made-up client address through {@code X-Forwarded-For}, for example)
 * @param awaited whether the first round is repeated while this request answers 500 or above (a service behind a
 *                gateway that is still starting); off for a request whose 503 is an answer of its own (a ranked
 *                list not computed yet on a fresh platform)
 */
public record WarmUpRequest(String method, String path, String body, Map<String, String> headers, boolean awaited) {

    public WarmUpRequest {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a warm-up path starts with '/': " + path);
        }
        headers = Map.copyOf(headers);
    }

    public static WarmUpRequest get(String path) {
        return new WarmUpRequest("GET", path, null, Map.of(), true);
    }

    public static WarmUpRequest post(String path, String json) {
        return new WarmUpRequest("POST", path, json, Map.of(), true);
    }

    /** This request with one more header. */
    public WarmUpRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WarmUpRequest(method, path, body, more, awaited);
    }

    /** This request with a bearer token no issuer signed ({@link WarmUpRequests#unverifiableBearerToken()}). */
    public WarmUpRequest withUnverifiableToken() {
        return header("Authorization", "Bearer " + WarmUpRequests.unverifiableBearerToken());
    }

    /** This request, whose answers of 500 and above do not hold the first round. */
    public WarmUpRequest unawaited() {
        return new WarmUpRequest(method, path, body, headers, false);
    }
}
