package news.ranking.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ReaderTableTest {

    @Test
    void findsEveryEntryItHoldsAcrossGrowthAndNeverConfusesTwoReadersOrArticles() {
        ReaderTable table = new ReaderTable();
        Random random = new Random(3);
        Map<String, Long> expected = new HashMap<>();
        long[][] keys = new long[50_000][];
        for (int i = 0; i < keys.length; i++) {
            int article = random.nextInt(100);
            // readers that differ only in their last 8 bytes, and the same reader under other articles
            long h0 = i % 2 == 0 ? 42 : random.nextLong();
            keys[i] = new long[] {article, h0, 7, 7, i};
            table.put(article, h0, 7, 7, i, 1000L + i);
            expected.put(article + ":" + h0 + ":" + i, 1000L + i);
        }
        assertThat(table.size()).isEqualTo(keys.length);
        for (long[] k : keys) {
            assertThat(table.find((int) k[0], k[1], k[2], k[3], k[4])).isEqualTo(expected.get(k[0] + ":" + k[1] + ":" + k[4]));
            assertThat(table.find((int) k[0] + 100, k[1], k[2], k[3], k[4])).as("another article")
                    .isEqualTo(ReaderTable.ABSENT);
            assertThat(table.find((int) k[0], k[1], k[2], k[3] + 1, k[4])).as("another reader")
                    .isEqualTo(ReaderTable.ABSENT);
        }
    }
}
