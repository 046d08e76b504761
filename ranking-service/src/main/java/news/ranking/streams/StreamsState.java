package news.ranking.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The state of the Kafka Streams application, as readiness sees it ({@code rankingStreams} in the readiness group):
 * not ready until it has been RUNNING once, so an instance takes queries only after its first assignment and
 * restoration; ready through later rebalances (queries that meet one get a 503 with Retry-After); broken for good in
 * ERROR, which also turns liveness DOWN so that the instance is restarted.
 */
final class StreamsState implements KafkaStreams.StateListener, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StreamsState.class);

    private final ApplicationEventPublisher events;
    private volatile State state = State.CREATED;
    private volatile boolean wasRunning;

    StreamsState(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onChange(State newState, State oldState) {
        state = newState;
        if (newState == State.RUNNING) {
            wasRunning = true;
        }
        log.info("Kafka Streams went from {} to {}", oldState, newState);
        if (newState == State.ERROR) {
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    @Override
    public Health health() {
        State current = state;
        boolean ready = current == State.RUNNING || current == State.REBALANCING && wasRunning;
        return (ready ? Health.up() : Health.down()).withDetail("state", current.name())
                .withDetail("runningOnce", wasRunning).build();
    }
}
