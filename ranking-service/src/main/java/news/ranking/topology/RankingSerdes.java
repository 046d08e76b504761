package news.ranking.topology;

import java.nio.ByteBuffer;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.rules.Candidate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every serde of the topology, named once. Internal values that are read and written for each view (counts, buckets)
 * are fixed-size binary; the rest is JSON, readable with any Kafka tool.
 */
final class RankingSerdes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Serde<ArticleChanged> ARTICLE = json(ArticleChanged.class);
    static final Serde<ListUpdate> LIST_UPDATE = json(ListUpdate.class);
    static final Serde<Candidate> CANDIDATE = json(Candidate.class);
    static final Serde<StoredList> STORED_LIST = json(StoredList.class);

    static final Serde<Counters> COUNTERS = Serdes.serdeFrom(
            (topic, c) -> c == null ? null : ByteBuffer.allocate(40).putLong(c.popularNowViews()).putLong(c.views())
                    .putLong(c.comments()).putLong(c.shares()).putLong(c.pendingViewAt()).array(),
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                return new Counters(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
            });

    static final Serde<BucketCounts> BUCKET = Serdes.serdeFrom(
            (topic, c) -> c == null ? null
                    : ByteBuffer.allocate(12).putInt(c.views()).putInt(c.comments()).putInt(c.shares()).array(),
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                return new BucketCounts(b.getInt(), b.getInt(), b.getInt());
            });

    /** Writes a dead letter's original value; dead letters are never read back by this service. */
    static final Serde<DeadLetter> DEAD_LETTER = Serdes.serdeFrom(
            (topic, letter) -> letter == null ? null : letter.value(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("dead letters are written, not read");
            });

    private RankingSerdes() {
    }

    static <T> Serde<T> json(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : JSON.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : JSON.readValue(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
