package news.launcher.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Sends the load over HTTP/1.1 kept-alive connections, one request at a time per connection, as browsers do.
 *
 * <p>With a rate the load is open-loop, like a crowd of readers: requests fall due at a fixed rate whether or not
 * the server keeps up; a due request goes out on an idle connection, or on a new one while fewer than
 * {@code connections} are open, else it waits for the next connection that frees up. Its latency counts from the
 * moment it fell due, so a stall shows in the percentiles instead of quietly lowering the load (no coordinated
 * omission). Requests still waiting when the time is up are counted as not sent. Without a rate, exactly
 * {@code connections} connections each send the next request as soon as the last is answered (closed loop: the most
 * the server can do, as wrk measures it). A request that gets no answer is counted by reason, never retried; its
 * connection is opened again for the next one.
 */
public final class LoadEngine {

    /**
     * @param target      where to send (http, localhost)
     * @param rate        requests per second in all (open loop), or 0 for as many as the server answers (closed loop)
     * @param connections the connections of a closed loop; the most that an open loop opens
     * @param warmUp      sent but not counted
     * @param duration    counted
     * @param timeout     a request without an answer after this long fails
     * @param threads     event-loop threads of the load itself, each with its share of rate and connections
     */
    public record Settings(URI target, double rate, int connections, Duration warmUp, Duration duration,
                           Duration timeout, int threads) {
    }

    private final Settings settings;
    private final Recorders recorders = new Recorders();

    public LoadEngine(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs the load to its end and returns what it saw; {@code everySecond} is called once a second (from another
     * thread) with the seconds counted so far, for progress lines.
     */
    public LoadResult run(Mix mix, long seed, LongConsumer everySecond) throws InterruptedException {
        int threads = Math.max(1, Math.min(settings.threads(), settings.connections()));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        try {
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            long measureFrom = start + settings.warmUp().toNanos();
            long end = measureFrom + settings.duration().toNanos();
            CountDownLatch done = new CountDownLatch(threads);
            for (int i = 0; i < threads; i++) {
                int connections = settings.connections() / threads + (i < settings.connections() % threads ? 1 : 0);
                new Lane(group.next(), mix.source(seed * 1_000_003L + i), settings.rate() / threads, connections,
                        start + i * 1_000L, end, done).start();
            }
            boolean measuring = settings.warmUp().isZero();
            if (measuring) {
                recorders.startMeasuring();
            }
            long second = 0;
            long mark = measuring ? measureFrom + 1_000_000_000L : measureFrom;
            while (!done.await(Math.max(0, mark - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                if (!measuring) {
                    recorders.startMeasuring();
                    measuring = true;
                } else {
                    everySecond.accept(++second);
                }
                mark += 1_000_000_000L;
            }
            return LoadResult.of(recorders, Duration.ofNanos(Math.max(1, Math.min(System.nanoTime(), end) - measureFrom)));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Figures while the load runs: totals so far, and the latencies since the last call. */
    public LoadResult.Interval interval() {
        return LoadResult.interval(recorders);
    }

    /** One event loop's share of the load: its schedule, its connections and the requests waiting for one. */
    private final class Lane {
        private final EventLoop loop;
        private final Mix.RequestSource source;
        private final long interval;
        private final int maxConnections;
        private final long start;
        private final long end;
        private final CountDownLatch done;
        private final Bootstrap bootstrap;
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        private final ArrayDeque<Long> waiting = new ArrayDeque<>();
        private int open;
        private int busy;
        private long nextDue;
        private boolean finished;

        Lane(EventLoop loop, Mix.RequestSource source, double rate, int maxConnections, long start, long end,
             CountDownLatch done) {
            this.loop = loop;
            this.source = source;
            this.interval = rate <= 0 ? 0 : Math.max(1, Math.round(1e9 / rate));
            this.maxConnections = Math.max(1, maxConnections);
            this.start = start;
            this.end = end;
            this.done = done;
            this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(5_000, settings.timeout().toMillis()));
        }

        void start() {
            loop.schedule(() -> {
                nextDue = start;
                if (interval == 0) {
                    for (int i = 0; i < maxConnections; i++) {
                        open++;
                        send(new Connection(this), System.nanoTime());
                    }
                } else {
                    dispatch();
                }
            }, Math.max(0, start - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        /** Open loop: every request that fell due goes out, or waits for a connection. */
        private void dispatch() {
            queueDue(System.nanoTime());
            drain();
            if (nextDue < end) {
                loop.schedule(this::dispatch, nextDue - System.nanoTime(), TimeUnit.NANOSECONDS);
            } else {
                loop.schedule(this::checkFinished, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }

        /** Every request due by {@code now} (and before the end) joins the queue. */
        private void queueDue(long now) {
            while (nextDue <= now && nextDue < end) {
                waiting.add(nextDue);
                nextDue += interval;
            }
        }

        private void drain() {
            while (!waiting.isEmpty()) {
                Connection connection = idle.poll();
                if (connection == null) {
                    if (open >= maxConnections) {
                        return;
                    }
                    open++;
                    connection = new Connection(this);
                }
                send(connection, waiting.poll());
            }
        }

        private void send(Connection connection, long due) {
            busy++;
            connection.send(source.next(), due);
        }

        /** A connection is free again, after an answer or a failure. */
        void released(Connection connection, boolean failed) {
            busy--;
            long now = System.nanoTime();
            if (now >= end) {
                connection.close();
                checkFinished();
            } else if (interval == 0) {
                if (failed) { // closed loop: do not spin on a refusal
                    busy++;
                    loop.schedule(() -> {
                        busy--;
                        send(connection, System.nanoTime());
                    }, 10, TimeUnit.MILLISECONDS);
                } else {
                    send(connection, now);
                }
            } else if (!waiting.isEmpty()) {
                send(connection, waiting.poll());
            } else {
                idle.push(connection);
            }
        }

        private void checkFinished() {
            if (finished || System.nanoTime() < end || busy > 0) {
                return;
            }
            finished = true;
            if (interval > 0) { // a starved event loop may end here before its last dispatch ran
                queueDue(end);
            }
            for (Long ignored : waiting) {
                recorders.failed(source.next().kind(), Recorders.Failure.NOT_SENT);
            }
            waiting.clear();
            idle.forEach(Connection::close);
            done.countDown();
        }
    }

    /** One connection slot of a lane: a kept-alive connection, opened again when it breaks. */
    private final class Connection extends SimpleChannelInboundHandler<HttpObject> {
        private final Lane lane;
        private Channel channel;
        private Planned current;
        private long due;
        private boolean keepAlive;
        private int status;
        private ScheduledFuture<?> timer;

        Connection(Lane lane) {
            this.lane = lane;
        }

        @Override
        public boolean isSharable() {
            return true; // one channel at a time: a new one only after the last is dropped
        }

        void send(Planned request, long dueAt) {
            current = request;
            due = dueAt;
            if (channel != null && channel.isActive()) {
                write();
            } else {
                connect();
            }
        }

        private void connect() {
            Connection handler = this;
            ChannelFuture connecting = lane.bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(), handler);
                }
            }).connect(settings.target().getHost(), port());
            connecting.addListener(f -> {
                if (!f.isSuccess()) {
                    fail(Recorders.Failure.CONNECT);
                    return;
                }
                channel = connecting.channel();
                Channel opened = channel;
                opened.closeFuture().addListener(closed -> closed(opened));
                write();
            });
        }

        private void write() {
            status = 0;
            keepAlive = true;
            Planned request = current;
            timer = lane.loop.schedule(() -> {
                if (current == request) {
                    fail(Recorders.Failure.TIMEOUT);
                }
            }, settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            channel.writeAndFlush(request.toRequest(host())).addListener(f -> {
                if (!f.isSuccess() && current == request) {
                    fail(Recorders.Failure.RESET);
                }
            });
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            if (ctx.channel() != channel || current == null) {
                return;
            }
            if (message instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (message instanceof LastHttpContent && status != 0) {
                timer.cancel(false);
                recorders.answered(current.kind(), status, System.nanoTime() - due);
                current = null;
                if (!keepAlive) {
                    close();
                }
                lane.released(this, false);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void closed(Channel closed) {
            if (closed == channel) {
                channel = null;
                if (current != null) {
                    fail(Recorders.Failure.RESET);
                }
            }
        }

        private void fail(Recorders.Failure failure) {
            if (current == null) {
                return;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            recorders.failed(current.kind(), failure);
            current = null;
            close();
            lane.released(this, true);
        }

        void close() {
            Channel dropped = channel;
            channel = null;
            if (dropped != null) {
                dropped.close();
            }
        }

        private int port() {
            URI target = settings.target();
            return target.getPort() > 0 ? target.getPort() : 80;
        }

        private String host() {
            URI target = settings.target();
            return target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : "");
        }
    }
}
