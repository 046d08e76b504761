package news.localmongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/** mongo-java-server's H2 backend whose {@code _id} indexes serve queries that pin {@code _id} ({@link IdPinnedIndex}). */
final class LocalH2Backend extends H2Backend {

    LocalH2Backend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                return IdPinnedIndex.isIdIndex(keys) ? new IdPinnedIndex<>(index) : index;
            }
        };
    }
}
