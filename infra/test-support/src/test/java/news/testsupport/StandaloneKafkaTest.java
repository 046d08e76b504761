package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import news.launcher.Ports;

class StandaloneKafkaTest {

    @Test
    void aRestartedBrokerKeepsItsRecordsAndFreesItsPortWhileStopped() throws Exception {
        try (StandaloneKafka kafka = StandaloneKafka.start()) {
            String key = UUID.randomUUID().toString();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>("news.rankings", key, "{}".getBytes(StandardCharsets.UTF_8))).get();
            }
            int port = Integer.parseInt(kafka.bootstrapServers().split(":")[1]);

            kafka.stop();
            assertThat(Ports.isListening(port)).isFalse();
            kafka.restart();

            try (TopicProbe probe = TopicProbe.fromBeginning(kafka.bootstrapServers(), "news.rankings")) {
                assertThat(probe.await(TopicProbe.withKey(key), 1)).hasSize(1);
            }
        }
    }
}
