package news.ranking.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.rules.Candidate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every serde of the topology, named once. Store values start with a format-version byte ({@link StateFormat}): the
 * candidates, written tens of thousands of times a second under load, in a binary layout since format 2 (format 1,
 * JSON, is still read); the articles and the lists, written once per article change or list computation, as JSON.
 * The list updates between the stages use the candidates' binary layout after a marker byte; an update written as
 * JSON by a build before it (still in the internal topic during an upgrade) is read too. The batches of the reader
 * log and the buckets have binary formats of their own ({@link ReaderLog}, {@link Buckets}).
 */
final class RankingSerdes {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Serde<ArticleChanged> ARTICLE = stored(ArticleChanged.class, RankingStores.ARTICLES);
    static final Serde<Candidate> CANDIDATE = Serdes.serdeFrom(
            (topic, candidate) -> candidate == null ? null : CandidateLayout.write(candidate, StateFormat.CURRENT),
            (topic, bytes) -> bytes == null ? null : readCandidate(bytes));
    static final Serde<StoredList> STORED_LIST = stored(StoredList.class, RankingStores.LISTS);
    static final Serde<ListUpdate> LIST_UPDATE = Serdes.serdeFrom(
            (topic, update) -> update == null ? null : CandidateLayout.write(update),
            (topic, bytes) -> bytes == null ? null
                    : bytes.length > 0 && bytes[0] == '{' ? JSON.readValue(bytes, ListUpdate.class)
                    : CandidateLayout.readUpdate(bytes));

    /** Writes a dead letter's original value; dead letters are never read back by this service. */
    static final Serde<DeadLetter> DEAD_LETTER = Serdes.serdeFrom(
            (topic, letter) -> letter == null ? null : letter.value(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("dead letters are written, not read");
            });

    private RankingSerdes() {
    }

    private static Candidate readCandidate(byte[] bytes) {
        StateFormat.check(bytes[0], RankingStores.CANDIDATES);
        return bytes[0] == StateFormat.JSON_VALUES ? JSON.readValue(bytes, 1, bytes.length - 1, Candidate.class)
                : CandidateLayout.readCandidate(bytes);
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
