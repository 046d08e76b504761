package news.ranking.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Records the changelogs of the per-article stage's stores as this build writes them, into
 * {@code src/test/resources/state-format-<version>/changelogs.tsv} ({@code store}, key and value in Base64, {@code -}
 * for a deletion), for {@link StateFormatTest}. Run once per state format, from the module directory, and commit the
 * file: {@code java -cp <test classpath> news.ranking.topology.StateFormatRecording}. The activity lies in the year
 * 2100, so that no window of the replaying test has passed it yet, and on articles of input partition 0 of 6 (the
 * recording is one task's state).
 */
public final class StateFormatRecording {

    static final Instant AT = Instant.parse("2100-01-01T10:00:00Z");
    static final Map<String, Object> SETTINGS = Map.of("news.ranking.events.max-clock-skew", "40000d");
    static final List<String> STORES = List.of(RankingStores.READER_LOG, RankingStores.ACTIVITY_LOG,
            RankingStores.BUCKETS, RankingStores.ARTICLES);

    private StateFormatRecording() {
    }

    /** The first {@code count} ids {@code <prefix>-<n>} whose records land in partition 0 of 6. */
    static List<String> articlesOfPartitionZero(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; ids.size() < count; n++) {
            String id = prefix + "-" + n;
            if (Utils.toPositive(Utils.murmur2(id.getBytes())) % 6 == 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    public static void main(String[] args) throws IOException {
        List<String> navy = articlesOfPartitionZero("navy", 2);
        StringBuilder out = new StringBuilder();
        try (RankingDriver ranking = new RankingDriver(SETTINGS, AT.minusSeconds(1))) {
            ranking.publish(navy.get(0), "Navy", AT.minus(Duration.ofHours(2)));
            ranking.publish(navy.get(1), "Navy", AT.minus(Duration.ofHours(3)));
            for (String reader : List.of("alice", "bob", "carol")) {
                ranking.view(navy.get(0), reader, AT);
            }
            ranking.view(navy.get(1), "dave", AT);
            ranking.share(navy.get(0), "erin", AT);
            ranking.share(navy.get(0), "erin", AT.plusSeconds(10));
            ranking.comment("c-1", navy.get(1), AT.plusSeconds(20));
            ranking.clockAt(AT.plusSeconds(21));
            for (String store : STORES) {
                for (TestRecord<byte[], byte[]> record : ranking.changelog(store)) {
                    out.append(store).append('\t').append(Base64.getEncoder().encodeToString(record.key())).append('\t')
                            .append(record.value() == null ? "-" : Base64.getEncoder().encodeToString(record.value()))
                            .append('\n');
                }
            }
        }
        Path file = Path.of("src/test/resources/state-format-" + StateFormat.CURRENT, "changelogs.tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println("wrote " + file + " for the articles " + navy);
    }
}
