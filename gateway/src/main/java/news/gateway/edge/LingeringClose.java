package news.gateway.edge;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Closes a client connection the way nginx's {@code lingering_close} does: first only our side of it (the answer
 * already written goes out, then a FIN), then, while reading and dropping whatever the client still sends, the rest
 * when the client closes too or after {@link #LINGER} at the most.
 * <p>
 * A request refused before it was read whole (431 for headers over the limit, 413, 400) must still get its answer. A
 * plain close while the client is still sending leaves unread bytes, to which the kernel answers with a reset, and a
 * reset discards what the client had not read yet, the refusal included (the JDK client then says "header parser
 * received no bytes"). It is first in the pipeline of every connection, so it sees every close and the raw bytes.
 */
final class LingeringClose extends ChannelDuplexHandler {

    static final Duration LINGER = Duration.ofSeconds(2);

    private boolean lingering;

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (lingering || !(ctx.channel() instanceof DuplexChannel channel) || !channel.isActive()
                || channel.isOutputShutdown() || channel.isInputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = true;
        ScheduledFuture<?> deadline = ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(),
                TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> {
            deadline.cancel(false);
            promise.trySuccess();
        });
        channel.shutdownOutput().addListener(shut -> {
            if (!shut.isSuccess()) {
                ctx.close();
            }
        });
        channel.config().setAutoRead(true);
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lingering) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!lingering) {
            ctx.fireChannelReadComplete();
        }
    }

    /** A reset while lingering ends it; nobody waits for that connection any more. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (lingering) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
