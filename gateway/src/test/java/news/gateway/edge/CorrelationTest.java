package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void aValidTraceparentIsKeptAsTheParentOfTheWorkForTheRequest() {
        Correlation correlation = Correlation.of("r-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");

        assertThat(correlation.requestId()).isEqualTo("r-1");
        assertThat(correlation.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @Test
    void aMissingOrInvalidTraceparentLeavesNoParent() {
        for (String bad : new String[] {null, "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"}) {
            assertThat(Correlation.of(null, bad).traceparent()).as(bad).isNull();
        }
        assertThat(Correlation.fresh().traceparent()).isNull();
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        assertThat(Correlation.of("ok-id_1.2:3@x", null).requestId()).isEqualTo("ok-id_1.2:3@x");
        assertThat(Correlation.of("line\nbreak", null).requestId()).matches("[0-9a-f]{32}");
        assertThat(Correlation.of("x".repeat(129), null).requestId()).matches("[0-9a-f]{32}");
    }
}
