package news.ranking.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.rules.Candidate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every serde of the topology, named once. Store values are JSON after a format-version byte ({@link StateFormat});
 * the list updates between the stages are plain JSON (the internal topic holds nothing past a commit). The batches of
 * the reader log and the buckets have binary formats of their own ({@link ReaderLog}, {@link Buckets}).
 */
final class RankingSerdes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Serde<ArticleChanged> ARTICLE = stored(ArticleChanged.class, RankingStores.ARTICLES);
    static final Serde<Candidate> CANDIDATE = stored(Candidate.class, RankingStores.CANDIDATES);
    static final Serde<StoredList> STORED_LIST = stored(StoredList.class, RankingStores.LISTS);
    static final Serde<ListUpdate> LIST_UPDATE = json(ListUpdate.class);

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

    /** JSON after the format byte. */
    static <T> Serde<T> stored(Class<T> type, String store) {
        Serializer<T> serializer = (topic, value) -> {
            if (value == null) {
                return null;
            }
            byte[] json = JSON.writeValueAsBytes(value);
            byte[] bytes = new byte[json.length + 1];
            bytes[0] = StateFormat.CURRENT;
            System.arraycopy(json, 0, bytes, 1, json.length);
            return bytes;
        };
        Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            StateFormat.check(bytes[0], store);
            return JSON.readValue(bytes, 1, bytes.length - 1, type);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
