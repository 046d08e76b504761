package news.kit.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.ProducerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Publishes the pending events of one collection's documents to one topic, in order per document. One thread per
 * relay; several service instances share the work through a lease on each document. {@link #nudge(Object)} after a
 * write makes its events leave at once: the relay claims that document by its {@code _id}. Every
 * {@code poll-interval} it also sweeps the collection for pending events nobody nudged it about (written by an
 * instance that stopped before its relay sent them, left by a failed round, or leased by a relay that died), and
 * counts them for {@code news.outbox.pending}. A sweep is one query on the pending-events index; a nudge never
 * sweeps, because a sweep per write costs as much as the whole collection on a store without that index (the
 * embedded store of the local runtime and the tests ignores non-unique indexes and scanned every comment on every
 * post: posts slowed as comments accumulated, and an idle platform spent most of a core on it).
 *
 * <p><b>Order.</b> A document's events reach the topic in the order they were written, also when Kafka fails in the
 * middle of a round. The idempotent producer alone does not promise that, in two ways (docs/reliability.md, finding
 * 9). When one of its batches fails (a delivery timeout while the broker is away, a record the broker refuses), it
 * gives the later batches of the same partition new sequence numbers and writes them; so the relay owns its producer
 * and closes it, without waiting, from the callback of the first failed send, and whenever a round runs out of time.
 * And a broker without state for a producer accepts any sequence number as that producer's first, so a later batch
 * can be written while the one before it was refused for a moment (a partition not led yet after a restart); so the
 * relay's producers keep one request in flight ({@link #relayConfig}). The next round starts with a new producer at
 * the first event Kafka did not acknowledge; what a closed producer had already handed to the broker may still
 * arrive, as a repeat under the same {@code ce_id}, never ahead of an earlier event.
 *
 * <p>Each record carries the {@code traceparent} stored with its event: the trace of the request that caused it, so
 * that the trace goes on in whoever consumes the record. The relay's producer is a plain Kafka producer, not an
 * observed template, which would replace that header with the relay thread's own context, a new trace nobody asked
 * for.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoOperations mongo;
    private final Supplier<Producer<String, byte[]>> producers;
    private final String collectionName;
    private final String topic;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Queue<Object> nudged = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final Timer publishDelay;
    private final Counter failures;
    private volatile boolean running;
    private volatile Thread thread;
    private long nextSweep;
    /** The earliest end of a live lease the last sweep saw: the next sweep comes no later, to take over its documents. */
    private Date firstLeaseEnds;
    private RelayProducer producer;

    /**
     * @param producers makes the relay's producer: at start, and again after each round that failed (see the class
     *                  comment); {@link #producers(ProducerFactory, String)} makes them like the application's own
     */
    public OutboxRelay(MongoOperations mongo, Supplier<Producer<String, byte[]>> producers, String collectionName,
                       String topic, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.producers = producers;
        this.collectionName = collectionName;
        this.topic = topic;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("news.outbox.pending", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .tag("collection", collectionName).register(meters);
        this.publishDelay = Timer.builder("news.outbox.publish")
                .description("Time from the state change to Kafka's acknowledgement of its event")
                .tag("topic", topic).publishPercentileHistogram().register(meters);
        this.failures = Counter.builder("news.outbox.publish.failures")
                .description("Relay rounds that could not publish every claimed event")
                .tag("topic", topic).register(meters);
    }

    /**
     * Publishes the events of document {@code id} right away instead of at the next sweep; cheap (a claim by
     * {@code _id}), call it after every write with events.
     */
    public void nudge(Object id) {
        nudged.add(id);
        wakeUp.release();
    }

    /**
     * Runs one sweep: finds the documents with pending events in one query (and counts their events for
     * {@code news.outbox.pending}), then claims those not leased by a live relay a batch at a time, publishes their
     * events and removes the acknowledged ones. Public for tests that drive the relay step by step.
     *
     * @return the number of events published
     * @throws RuntimeException when some claimed events could not be published (they stay pending)
     */
    public int publishPending() {
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        List<Object> found = new ArrayList<>();
        long events = 0;
        Date now = new Date();
        Date leaseEnds = null;
        for (Document doc : collection.find(gt(Outbox.SIZE, 0))
                .projection(Projections.include(Outbox.SIZE, Outbox.LEASE_UNTIL))) {
            events += doc.get(Outbox.SIZE, Number.class).longValue();
            found.add(doc.get("_id"));
            Date leaseUntil = doc.getDate(Outbox.LEASE_UNTIL);
            if (leaseUntil != null && leaseUntil.after(now) && (leaseEnds == null || leaseUntil.before(leaseEnds))) {
                leaseEnds = leaseUntil;
            }
        }
        pending.set(events);
        firstLeaseEnds = leaseEnds;
        // one query per sweep, however long the backlog; the claim skips what a live relay holds
        int published = 0;
        for (int from = 0; from < found.size(); from += properties.batchSize()) {
            published += publish(collection,
                    claim(collection, found.subList(from, Math.min(found.size(), from + properties.batchSize()))));
        }
        return published;
    }

    /** Claims and publishes up to a batch of the nudged documents. */
    private int publishNudged() {
        List<Object> ids = new ArrayList<>();
        for (Object id = nudged.poll(); id != null; id = ids.size() < properties.batchSize() ? nudged.poll() : null) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        MongoCollection<Document> collection = mongo.getCollection(collectionName);
        return publish(collection, claim(collection, ids));
    }

    private int publish(MongoCollection<Document> collection, List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        RelayProducer out = producer();
        for (Claimed doc : claimed) {
            for (PendingEvent event : doc.events) {
                CompletableFuture<RecordMetadata> sent;
                try {
                    sent = out.send(event.toCloudEvent().toRecord(topic));
                } catch (RuntimeException e) {
                    // e.g. no metadata within max.block.ms: this event and the ones after it wait for a later round
                    sent = CompletableFuture.failedFuture(e);
                }
                doc.sends.add(sent);
                if (sent.isCompletedExceptionally()) {
                    break;
                }
            }
        }
        int published = 0;
        RuntimeException failure = null;
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (Claimed doc : claimed) {
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < doc.sends.size(); i++) {
                try {
                    long left = Math.max(1, deadline - System.nanoTime());
                    doc.sends.get(i).get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    failure = failure != null ? failure : new IllegalStateException(
                            "Kafka did not acknowledge event " + doc.events.get(i).ceId() + " for " + topic, e);
                    break; // later events of this document must wait, or they would overtake this one
                }
                PendingEvent event = doc.events.get(i);
                acknowledged.add(event.ceId());
                publishDelay.record(Duration.between(event.time(), Instant.now()));
                meters.counter("news.events.published", "topic", topic, "type", event.type()).increment();
            }
            release(collection, doc.id, acknowledged);
            published += acknowledged.size();
        }
        if (failure != null) {
            // whatever this producer still holds must not be written after the next round's events
            discardProducer();
            failures.increment();
            throw failure;
        }
        return published;
    }

    /**
     * Producers configured like the application's own ({@code spring.kafka.producer.*}, kept by {@code factory}), each
     * with a client id of its own ({@code clientId-1}, {@code clientId-2}, ... in the broker's logs and metrics), and
     * with {@link #relayConfig one request in flight}.
     */
    public static Supplier<Producer<String, byte[]>> producers(ProducerFactory<?, ?> factory, String clientId) {
        AtomicInteger generation = new AtomicInteger();
        return () -> new KafkaProducer<>(relayConfig(factory.getConfigurationProperties(),
                clientId + "-" + generation.incrementAndGet()), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The application's producer settings with the relay's: its client id, and one produce request in flight per
     * connection. With several in flight, a broker that has no state for a new producer (every relay producer is
     * new after a failed round) accepts that producer's second batch when the first was refused for a reason that
     * has passed by then (a partition not led yet after a broker restart): it takes any sequence number as a new
     * producer's first. The first batch then fails as out of order for ever and is sent again by the next round,
     * after the later one (docs/reliability.md, finding 9). One request at a time, a batch leaves only after the
     * one before it is written.
     */
    static Map<String, Object> relayConfig(Map<String, Object> application, String clientId) {
        Map<String, Object> config = new HashMap<>(application);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return config;
    }

    private RelayProducer producer() {
        if (producer == null) {
            producer = new RelayProducer(producers.get(), meters);
        }
        return producer;
    }

    private void discardProducer() {
        RelayProducer discarded = producer;
        producer = null;
        if (discarded != null) {
            discarded.closeNow();
        }
    }

    /** Leases each of the documents {@code ids} that still has pending events and no live lease, one by one. */
    private List<Claimed> claim(MongoCollection<Document> collection, List<Object> ids) {
        List<Claimed> claimed = new ArrayList<>();
        Date now = new Date();
        Bson due = and(gt(Outbox.SIZE, 0), or(exists(Outbox.LEASE_UNTIL, false), eq(Outbox.LEASE_UNTIL, null),
                lt(Outbox.LEASE_UNTIL, now)));
        Bson lease = Updates.combine(
                Updates.set(Outbox.LEASE_UNTIL, new Date(now.getTime() + properties.lease().toMillis())),
                Updates.set(Outbox.LEASE_OWNER, owner));
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
                .projection(Projections.include(Outbox.EVENTS))
                .returnDocument(ReturnDocument.AFTER);
        for (Object id : ids) {
            Document doc = collection.findOneAndUpdate(and(eq("_id", id), due), lease, options);
            if (doc == null) {
                continue; // published already (a repeated nudge), or leased by another relay
            }
            List<PendingEvent> events = doc.getList(Outbox.EVENTS, Document.class, List.of()).stream()
                    .map(Outbox::fromDocument).toList();
            claimed.add(new Claimed(doc.get("_id"), events, new ArrayList<>()));
        }
        return claimed;
    }

    private void release(MongoCollection<Document> collection, Object id, List<String> acknowledged) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.unset(Outbox.LEASE_UNTIL));
        updates.add(Updates.unset(Outbox.LEASE_OWNER));
        if (!acknowledged.isEmpty()) {
            updates.add(Updates.pullByFilter(new Document(Outbox.EVENTS, new Document("ceId", new Document("$in", acknowledged)))));
            updates.add(Updates.inc(Outbox.SIZE, -acknowledged.size()));
        }
        collection.updateOne(and(eq("_id", id), eq(Outbox.LEASE_OWNER, owner)), Updates.combine(updates));
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        nextSweep = System.nanoTime(); // the first sweep at once: what an earlier run left pending
        while (running) {
            try {
                int published = publishNudged();
                if (System.nanoTime() - nextSweep >= 0) {
                    published += publishPending();
                    long untilNext = properties.pollInterval().toMillis();
                    if (firstLeaseEnds != null) {
                        untilNext = Math.min(untilNext, firstLeaseEnds.getTime() - System.currentTimeMillis() + 1);
                    }
                    nextSweep = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, untilNext));
                }
                backoff = Duration.ZERO;
                if (published > 0 || !nudged.isEmpty()) {
                    continue;
                }
                long untilSweep = Math.max(1, nextSweep - System.nanoTime());
                wakeUp.tryAcquire(untilSweep, TimeUnit.NANOSECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // what failed stays pending; the sweep after the pause finds it, and whatever was nudged meanwhile
                nudged.clear();
                nextSweep = System.nanoTime();
                backoff = backoff.isZero() ? Duration.ofMillis(100) : min(backoff.multipliedBy(2), properties.maxBackoff());
                log.warn("Outbox relay for {} could not publish to {} ({}); retrying in {} ms", collectionName, topic,
                        rootMessage(e), backoff.toMillis());
                sleep(backoff);
            }
        }
        discardProducer();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Creates the index the relay's query needs; call once at start-up. */
    public void ensureIndex() {
        mongo.getCollection(collectionName).createIndex(Indexes.ascending(Outbox.SIZE));
    }

    @Override
    public void start() {
        ensureIndex();
        running = true;
        Thread relay = new Thread(this::run, "outbox-relay-" + collectionName);
        relay.setDaemon(true);
        thread = relay;
        relay.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread relay = thread;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Claimed(Object id, List<PendingEvent> events, List<CompletableFuture<RecordMetadata>> sends) {
    }

    /** One producer of the relay, closed at once by the first send that fails. */
    private static final class RelayProducer {

        private final Producer<String, byte[]> producer;
        private final KafkaClientMetrics metrics;
        private final AtomicBoolean closed = new AtomicBoolean();

        RelayProducer(Producer<String, byte[]> producer, MeterRegistry meters) {
            this.producer = producer;
            this.metrics = new KafkaClientMetrics(producer);
            this.metrics.bindTo(meters);
        }

        CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    sent.complete(metadata);
                    return;
                }
                // The callback runs on the producer's I/O thread before it sends anything else: closing here keeps
                // the batches queued behind this one (renumbered by the idempotent producer) off the topic.
                closeNow();
                sent.completeExceptionally(error);
            });
            return sent;
        }

        /** Fails every send not yet acknowledged and sends nothing more; safe from the producer's own callback. */
        void closeNow() {
            if (closed.compareAndSet(false, true)) {
                try {
                    producer.close(Duration.ZERO);
                } catch (InterruptException e) {
                    // stopping: the producer is closed already, only the wait for its thread was cut short
                    log.debug("Interrupted while the relay's producer closed", e);
                }
                metrics.close();
            }
        }
    }
}
