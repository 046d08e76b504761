package news.ranking.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.Status;

/** Readiness follows the Kafka Streams state: not before the first RUNNING, not after ERROR. */
class StreamsStateTest {

    private final List<Object> events = new ArrayList<>();
    private final StreamsState state = new StreamsState(events::add);

    @Test
    void isNotReadyUntilTheStreamsHaveRunOnce() {
        assertThat(state.health().getStatus()).isEqualTo(Status.DOWN);
        state.onChange(State.REBALANCING, State.CREATED);
        assertThat(state.health().getStatus()).isEqualTo(Status.DOWN);

        state.onChange(State.RUNNING, State.REBALANCING);

        assertThat(state.health().getStatus()).isEqualTo(Status.UP);
        assertThat(state.health().getDetails()).containsEntry("state", "RUNNING");
    }

    @Test
    void staysReadyThroughALaterRebalance() {
        state.onChange(State.REBALANCING, State.CREATED);
        state.onChange(State.RUNNING, State.REBALANCING);

        state.onChange(State.REBALANCING, State.RUNNING);

        assertThat(state.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anErrorMakesItUnreadyAndBreaksLiveness() {
        state.onChange(State.RUNNING, State.REBALANCING);

        state.onChange(State.ERROR, State.RUNNING);

        assertThat(state.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(events).singleElement().isInstanceOfSatisfying(AvailabilityChangeEvent.class,
                event -> assertThat(event.getState()).isEqualTo(LivenessState.BROKEN));
    }
}
