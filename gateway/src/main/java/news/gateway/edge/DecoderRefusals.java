package news.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Gives the refusals Reactor Netty writes itself, before any of our code sees the request, a problem-details body:
 * {@code 414} for a request line over {@code server.netty.max-initial-line-length} and {@code 431} for headers over
 * {@code server.max-http-request-header-size}. Reactor Netty sends both with an empty body, which leaves a client
 * (a newsroom search with a 10 KB query, say) with a bare status. Sits right after the HTTP codec, where those
 * answers pass as one empty {@link FullHttpResponse} with {@code Connection: close} (the connection ends after them);
 * an answer routed from a service keeps its connection and passes unchanged.
 */
@ChannelHandler.Sharable
final class DecoderRefusals extends ChannelOutboundHandlerAdapter {

    private final byte[] uriTooLong;
    private final byte[] headersTooLarge;

    DecoderRefusals(DataSize maxRequestLine, DataSize maxHeaders) {
        this.uriTooLong = Problems.body(HttpStatus.URI_TOO_LONG, "The request line (method, path and query) is over the "
                + maxRequestLine.toBytes() + " bytes this gateway accepts: shorten the path or the query parameters.",
                null);
        this.headersTooLarge = Problems.body(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request headers are over "
                + "the " + maxHeaders.toBytes() + " bytes this gateway accepts: send fewer or smaller headers (cookies "
                + "included).", null);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
                && response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
            byte[] body = bodyFor(response.status());
            if (body != null) {
                FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                        Unpooled.wrappedBuffer(body));
                problem.headers().set(response.headers())
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
                response.release();
                ctx.write(problem, promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }

    private byte[] bodyFor(HttpResponseStatus status) {
        if (status.code() == HttpResponseStatus.REQUEST_URI_TOO_LONG.code()) {
            return uriTooLong;
        }
        if (status.code() == HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.code()) {
            return headersTooLarge;
        }
        return null;
    }
}
