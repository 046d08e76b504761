package news.gateway.page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import news.gateway.edge.Etags;
import news.gateway.edge.Problems;

/**
 * One assembled answer, ready to write: status, the exact body bytes and the header values. The ETag is a weak
 * validator over everything but {@code generatedAt}, so a page rebuilt with the same content keeps its ETag.
 */
record RenderedPage(int status, byte[] body, String etag, String contentType, String cacheControl,
                    String retryAfter) {

    /** A 200 page: {@code content} is the page's JSON object without {@code generatedAt}, which is appended. */
    static RenderedPage page(byte[] content, Instant generatedAt, String cacheControl) {
        byte[] tail = (",\"generatedAt\":\"" + generatedAt + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[content.length - 1 + tail.length];
        System.arraycopy(content, 0, body, 0, content.length - 1);
        System.arraycopy(tail, 0, body, content.length - 1, tail.length);
        return new RenderedPage(200, body, Etags.weak(content), MediaType.APPLICATION_JSON_VALUE, cacheControl, null);
    }

    static RenderedPage problem(HttpStatus status, String detail, String instance, String cacheControl,
                                String retryAfter) {
        return new RenderedPage(status.value(), Problems.body(status, detail, instance), null,
                MediaType.APPLICATION_PROBLEM_JSON_VALUE, cacheControl, retryAfter);
    }

    /** 404 for an article id that names no published article (also for ids that cannot be article ids at all). */
    static RenderedPage articleNotFound(String id, String cacheControl) {
        return problem(HttpStatus.NOT_FOUND, "There is no published article " + id + ".", "/api/pages/article/" + id,
                cacheControl, null);
    }

    /** Whether {@code If-None-Match} names this page's ETag. */
    boolean matches(String ifNoneMatch) {
        return Etags.matches(ifNoneMatch, etag);
    }

    int weight() {
        return body.length + 256;
    }
}
