package news.comment.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

class ArticleEventsConsumerHealthTest {

    private final ArticleEventsConsumerHealth health = new ArticleEventsConsumerHealth();

    @Test
    void downUntilTheConsumerHasAContainerAndItsFirstAssignment() {
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

        health.onPartitionsAssigned(ArticleEventsConsumer.BINDING, null,
                List.of(new TopicPartition("news.article-events", 0)), true);

        assertThat(health.health().getStatus()).as("no running container yet").isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("assignedOnce", true);
    }

    @Test
    void anotherBindingsAssignmentDoesNotCount() {
        health.onPartitionsAssigned("somethingElse-in-0", null, List.of(new TopicPartition("x", 0)), true);

        assertThat(health.health().getDetails()).containsEntry("assignedOnce", false);
    }

    @Test
    void aStoppedContainerIsDown() {
        KafkaMessageListenerContainer<byte[], byte[]> stopped = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(java.util.Map.of()), new ContainerProperties("news.article-events"));
        health.watch(stopped);
        health.onPartitionsAssigned(ArticleEventsConsumer.BINDING, null, List.of(), true);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("running", false).containsEntry("assignedOnce", true);
    }

    @Test
    void revokedPartitionsLeaveTheDetailsButNotReadiness() {
        health.onPartitionsAssigned(ArticleEventsConsumer.BINDING, null,
                List.of(new TopicPartition("news.article-events", 0), new TopicPartition("news.article-events", 1)), true);
        health.onPartitionsRevokedBeforeCommit(ArticleEventsConsumer.BINDING, null,
                List.of(new TopicPartition("news.article-events", 0)));

        assertThat(health.health().getDetails()).containsEntry("partitions", new java.util.TreeSet<>(
                List.of("news.article-events-1"))).containsEntry("assignedOnce", true);
    }
}
