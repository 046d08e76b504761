package news.launcher.load;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The load's own warm-up, before its clock starts: the same mix, engine and connections, sent for a moment to a stub
 * server on loopback that answers every request 200 with an empty JSON object. A load generator fresh from start
 * runs its own code interpreted and loads its classes on first use: on a warm platform, the first second of
 * {@code infra/platform simulate} showed p50 128-146 ms and p99 385-436 ms against 2-4 ms and 12-63 ms from the
 * second on (docs/benchmarks.md), the generator's start-up, not the platform's. Nothing of it reaches the platform.
 */
public final class SelfWarmUp {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private SelfWarmUp() {
    }

    /** Runs the mix against the stub for {@code time}; returns what the load saw of it. */
    public static LoadResult run(Mix mix, long seed, Duration time) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new Stub());
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            LoadEngine engine = new LoadEngine(new LoadEngine.Settings(URI.create("http://127.0.0.1:" + port), 0, 8,
                    Duration.ZERO, time, Duration.ofSeconds(5), 1));
            LoadResult result = engine.run(mix, seed, second -> { });
            server.close().sync();
            return result;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Answers each request, once it has been read whole, 200 with {@code {}}, kept alive. */
    private static final class Stub extends SimpleChannelInboundHandler<HttpObject> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            if (message instanceof LastHttpContent) {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.wrappedBuffer(EMPTY_OBJECT));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, EMPTY_OBJECT.length);
                ctx.writeAndFlush(response);
            }
        }
    }
}
