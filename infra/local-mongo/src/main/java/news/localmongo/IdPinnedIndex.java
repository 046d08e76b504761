package news.localmongo;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The {@code _id} index, also for queries that pin {@code _id} to one value beside other conditions.
 *
 * <p>mongo-java-server uses an index only for a query whose fields are exactly the index's own, so
 * {@code {_id: x, version: {$lt: 5}}} or {@code {$and: [{_id: x}, {leaseOwner: o}]}} (every conditional write of the
 * services: optimistic versions, the outbox relay's leases, a comment's removal) scanned the whole collection, and a
 * comment post cost as much as all the comments stored. Here such a query reads the one document the {@code _id}
 * names; the collection still matches it against the whole query, so the answer is the same and only the scan is
 * gone. MongoDB itself serves these queries from the {@code _id} index anyway.
 */
final class IdPinnedIndex<P> extends Index<P> {

    static final String ID = "_id";
    private static final LongAdder PINNED_LOOKUPS = new LongAdder();

    private final Index<P> id;

    IdPinnedIndex(Index<P> id) {
        super(id.getName(), id.getKeys(), false);
        this.id = id;
    }

    static boolean isIdIndex(List<IndexKey> keys) {
        return keys.size() == 1 && ID.equals(keys.get(0).getKey());
    }

    /** The one {@code _id} value the query requires, at its top level or in a top-level {@code $and}; else null. */
    static Object pinnedId(Document query) {
        Object value = query.get(ID);
        if (value != null) {
            return value instanceof Document || value instanceof Collection<?>
                    || BsonRegularExpression.isRegularExpression(value) ? null : value;
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                Object pinned = part instanceof Document condition ? pinnedId(condition) : null;
                if (pinned != null) {
                    return pinned;
                }
            }
        }
        return null;
    }

    @Override
    public boolean canHandle(Document query) {
        return id.canHandle(query) || pinnedId(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (id.canHandle(query)) {
            return id.getPositions(query);
        }
        PINNED_LOOKUPS.increment();
        return id.getPositions(new Document(ID, pinnedId(query)));
    }

    /** Queries served here that mongo-java-server alone would have answered with a scan, since the JVM started. */
    static long pinnedLookups() {
        return PINNED_LOOKUPS.sum();
    }

    @Override
    public P getPosition(Document document) {
        return id.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        id.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        id.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return id.remove(document);
    }

    @Override
    public long getCount() {
        return id.getCount();
    }

    @Override
    public boolean isEmpty() {
        return id.isEmpty();
    }

    @Override
    public long getDataSize() {
        return id.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        id.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        id.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        id.drop();
    }

    @Override
    public boolean isUnique() {
        return id.isUnique();
    }
}
