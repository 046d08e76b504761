package news.gateway.signin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;

import reactor.core.publisher.Mono;

/**
 * Browser sessions in MongoDB, so that any gateway instance serves any signed-in reader: one document per session
 * (its attributes, i.e. the security context and the OAuth2 tokens, in Java serialization as Spring Session's own
 * stores keep them), written when the session changes and read at most once per request that needs it. Reads of
 * public pages never touch it. Expired sessions are refused on read and removed by the TTL index.
 */
final class MongoWebSessions implements ReactiveSessionRepository<MapSession> {

    static final String COLLECTION = "gateway_sessions";
    private static final Logger log = LoggerFactory.getLogger(MongoWebSessions.class);

    private final ReactiveMongoOperations mongo;
    private final Duration maxInactive;

    MongoWebSessions(ReactiveMongoOperations mongo, Duration maxInactive) {
        this.mongo = mongo;
        this.maxInactive = maxInactive;
    }

    /** The TTL index that removes expired sessions; the store may be down at start-up, so a failure only warns. */
    Mono<Void> expireIndex() {
        return mongo.indexOps(COLLECTION).createIndex(new Index().on("expireAt", Sort.Direction.ASC)
                        .expire(Duration.ZERO).named("expireAt_ttl"))
                .doOnError(e -> log.warn("Could not create the TTL index of {} ({}); expired sessions are still refused"
                        + " on read", COLLECTION, e.toString()))
                .onErrorResume(e -> Mono.empty()).then();
    }

    @Override
    public Mono<MapSession> createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(maxInactive);
        return Mono.just(session);
    }

    /** A session whose id changed (at sign-in) is stored under the new id and removed under the one it was read by. */
    @Override
    public Mono<Void> save(MapSession session) {
        Mono<Void> renamed = session.getOriginalId().equals(session.getId()) ? Mono.empty()
                : deleteById(session.getOriginalId());
        return renamed.then(mongo.save(Stored.of(session), COLLECTION)).then();
    }

    @Override
    public Mono<MapSession> findById(String id) {
        return mongo.findById(id, Stored.class, COLLECTION).map(Stored::toSession)
                .flatMap(session -> session.isExpired() ? deleteById(id).then(Mono.empty()) : Mono.just(session));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    @Document(COLLECTION)
    record Stored(@Id String id, Instant createdAt, Instant lastAccessedAt, long maxInactiveSeconds, Instant expireAt,
                  byte[] attributes) {

        static Stored of(MapSession session) {
            Map<String, Object> attributes = new HashMap<>();
            session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
            Instant expireAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
            return new Stored(session.getId(), session.getCreationTime(), session.getLastAccessedTime(),
                    session.getMaxInactiveInterval().toSeconds(), expireAt, serialize(attributes));
        }

        MapSession toSession() {
            MapSession session = new MapSession(id);
            session.setCreationTime(createdAt);
            session.setLastAccessedTime(lastAccessedAt);
            session.setMaxInactiveInterval(Duration.ofSeconds(maxInactiveSeconds));
            deserialize(attributes).forEach(session::setAttribute);
            return session;
        }

        private static byte[] serialize(Map<String, Object> attributes) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(attributes);
            } catch (IOException e) {
                throw new UncheckedIOException("a session attribute is not serializable", e);
            }
            return bytes.toByteArray();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> deserialize(byte[] bytes) {
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                return (Map<String, Object>) in.readObject();
            } catch (IOException | ClassNotFoundException e) {
                // a session written by an incompatible version: the reader signs in again
                return Map.of();
            }
        }
    }
}
