package news.comment.article;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Readiness of the replica's consumer ({@code articleEventsConsumer} in the readiness group): DOWN until the
 * consumer has joined its group and received its first assignment, and whenever its listener container is not
 * running; UP from then on, through later rebalances. Until the first assignment the replica is not being fed, so an
 * article published meanwhile could not be commented on. An instance whose assignment is empty because its group
 * has more members than the topic has partitions is a member all the same and stays UP: the replica is shared, the
 * other members feed it. Rebalances do not turn it DOWN either: every member of the group goes through one at the
 * same time, and taking them all out of service would turn a rebalance into an outage.
 */
@Component("articleEventsConsumerHealthIndicator") // component "articleEventsConsumer" of /actuator/health
class ArticleEventsConsumerHealth implements KafkaBindingRebalanceListener, HealthIndicator {

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private volatile boolean assignedOnce;
    private volatile MessageListenerContainer container;

    /** The binding's listener container, handed over when the binder configures it. */
    void watch(MessageListenerContainer container) {
        this.container = container;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer,
                                     Collection<TopicPartition> partitions, boolean initial) {
        if (ArticleEventsConsumer.BINDING.equals(bindingName)) {
            assigned.addAll(partitions);
            assignedOnce = true;
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
                                                Collection<TopicPartition> partitions) {
        if (ArticleEventsConsumer.BINDING.equals(bindingName)) {
            assigned.removeAll(partitions);
        }
    }

    @Override
    public Health health() {
        MessageListenerContainer current = container;
        boolean running = current != null && current.isRunning();
        Set<String> partitions = new TreeSet<>();
        assigned.forEach(p -> partitions.add(p.topic() + "-" + p.partition()));
        return (running && assignedOnce ? Health.up() : Health.down())
                .withDetail("binding", ArticleEventsConsumer.BINDING)
                .withDetail("running", running)
                .withDetail("assignedOnce", assignedOnce)
                .withDetail("partitions", partitions)
                .build();
    }
}
