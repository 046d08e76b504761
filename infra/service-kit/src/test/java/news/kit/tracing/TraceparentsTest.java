package news.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TraceparentsTest {

    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsTheTraceAndSpanIdOfAValidValue() {
        assertThat(Traceparents.valid(SAMPLED)).isTrue();
        assertThat(Traceparents.traceId(SAMPLED)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Traceparents.spanId(SAMPLED)).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void refusesMalformedValuesAndAllZeroIds() {
        for (String bad : new String[] {null, "", "garbage", SAMPLED.toUpperCase(), SAMPLED + "-extra",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"}) {
            assertThat(Traceparents.valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void theSampledFlagIsReadFromTheHeaderBytesAlone() {
        assertThat(Traceparents.sampled(bytes(SAMPLED))).isTrue();
        assertThat(Traceparents.sampled(bytes(SAMPLED.replace("-01", "-00")))).isFalse();
        assertThat(Traceparents.sampled(bytes(SAMPLED.replace("-01", "-03")))).isTrue();
        assertThat(Traceparents.sampled(bytes(SAMPLED.replace("-01", "-02")))).isFalse();
        assertThat(Traceparents.sampled(null)).isFalse();
        assertThat(Traceparents.sampled(bytes("01"))).isFalse();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
