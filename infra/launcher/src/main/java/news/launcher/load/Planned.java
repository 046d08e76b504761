package news.launcher.load;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One request of the load, as a browser or a proxy in front of the gateway would send it.
 *
 * @param kind          its row in the report
 * @param path          path and query
 * @param json          the JSON body of a POST, or null for a GET
 * @param userAgent     the {@code User-Agent}
 * @param clientAddress the {@code X-Forwarded-For} a trusted proxy would add, or null
 * @param token         a bearer token, or null
 */
public record Planned(Kind kind, String path, String json, String userAgent, String clientAddress, String token) {

    FullHttpRequest toRequest(String host) {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                body == null ? HttpMethod.GET : HttpMethod.POST, path,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        var headers = request.headers();
        headers.set(HttpHeaderNames.HOST, host);
        headers.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
        headers.set(HttpHeaderNames.USER_AGENT, userAgent);
        if (body != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        if (clientAddress != null) {
            headers.set("X-Forwarded-For", clientAddress);
        }
        if (token != null) {
            headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        return request;
    }
}
