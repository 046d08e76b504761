package news.ranking.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import news.ranking.rules.Candidate;

/**
 * The candidates' binary layout keeps every field, in the store and between the stages, and what earlier builds wrote
 * as JSON (candidates of state format 1, list updates still in the internal topic during an upgrade) is still read.
 */
class CandidateLayoutTest {

    private static final Candidate CANDIDATE = new Candidate("navy-7", "Fregatten – ny kontrakt ✓", "navy",
            1_764_000_000_123L, true, 1_764_000_100_456L, new long[] {12, 0, Long.MAX_VALUE}, 1_764_000_200_789L);

    @Test
    void aCandidateInTheStoreKeepsEveryField() {
        byte[] bytes = RankingSerdes.CANDIDATE.serializer().serialize("t", CANDIDATE);

        assertThat(bytes[0]).isEqualTo(StateFormat.CURRENT);
        assertThat(RankingSerdes.CANDIDATE.deserializer().deserialize("t", bytes)).isEqualTo(CANDIDATE);
    }

    @Test
    void aCandidateOfFormat1IsReadFromItsJson() {
        byte[] json = RankingSerdes.JSON.writeValueAsBytes(CANDIDATE);
        byte[] format1 = new byte[json.length + 1];
        format1[0] = 1;
        System.arraycopy(json, 0, format1, 1, json.length);

        assertThat(RankingSerdes.CANDIDATE.deserializer().deserialize("t", format1)).isEqualTo(CANDIDATE);
    }

    @Test
    void aCandidateOfAnUnknownFormatStopsWithWhatToDo() {
        byte[] bytes = RankingSerdes.CANDIDATE.serializer().serialize("t", CANDIDATE);
        bytes[0] = 9;

        assertThatThrownBy(() -> RankingSerdes.CANDIDATE.deserializer().deserialize("t", bytes))
                .hasMessageContaining("ranking-candidates holds a value of state format 9");
    }

    @Test
    void everyKindOfListUpdateCrossesTheInternalTopic() {
        for (ListUpdate update : new ListUpdate[] {ListUpdate.upsert(CANDIDATE), ListUpdate.remove("navy-7"),
                ListUpdate.touch()}) {
            byte[] bytes = RankingSerdes.LIST_UPDATE.serializer().serialize("t", update);
            assertThat(RankingSerdes.LIST_UPDATE.deserializer().deserialize("t", bytes)).isEqualTo(update);
        }
    }

    @Test
    void aListUpdateWrittenAsJsonByAnEarlierBuildIsRead() {
        ListUpdate update = ListUpdate.upsert(CANDIDATE);
        byte[] json = RankingSerdes.JSON.writeValueAsBytes(update);
        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{");

        assertThat(RankingSerdes.LIST_UPDATE.deserializer().deserialize("t", json)).isEqualTo(update);
    }
}
