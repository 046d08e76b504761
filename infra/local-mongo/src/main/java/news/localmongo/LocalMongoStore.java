package news.localmongo;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * {@code java -cp ... news.localmongo.LocalMongoStore --port 27017 --file .data/mongo/store.mv} serves a
 * MongoDB-wire endpoint on 127.0.0.1 backed by one H2 file, until SIGTERM, when it flushes and exits 0.
 */
public final class LocalMongoStore {

    private static final Logger log = LoggerFactory.getLogger(LocalMongoStore.class);

    private final MongoServer server;
    private final LocalH2Backend backend;

    private LocalMongoStore(LocalH2Backend backend) {
        this.backend = backend;
        this.server = new MongoServer(backend);
    }

    public static LocalMongoStore start(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        LocalMongoStore store = new LocalMongoStore(new LocalH2Backend(file.toString()));
        try {
            store.server.bind(host, port);
        } catch (Exception e) { // netty throws the checked BindException without declaring it
            store.backend.close();
            if (hasCause(e, BindException.class)) {
                throw new IllegalStateException("Port " + port + " on " + host + " is already in use", e);
            }
            throw new IllegalStateException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return store;
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    public void stop() {
        server.shutdownNow();
        backend.close();
    }

    public static void main(String[] args) throws Exception {
        int port = 27017;
        String host = "127.0.0.1";
        Path file = Path.of(".data", "mongo", "store.mv");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--file" -> file = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: LocalMongoStore [--port 27017] [--host 127.0.0.1] [--file path]");
                    System.exit(2);
                }
            }
        }
        LocalMongoStore store;
        try {
            store = start(file, host, port);
        } catch (IllegalStateException e) {
            System.err.println("local-mongo: " + e.getMessage() + ". Stop what uses it or choose another port.");
            System.exit(3);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: flushing {} ({} queries pinning an _id served by its index instead of a scan)",
                    store.backend.getMvStore().getFileStore().getFileName(), IdPinnedIndex.pinnedLookups());
            store.stop();
            stopped.countDown();
        }, "local-mongo-shutdown"));
        log.info("MongoDB-compatible store listening on {}:{} with data in {}", host, store.port(), file.toAbsolutePath());
        stopped.await();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
