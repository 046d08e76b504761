package news.launcher;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/** Creates the topics of the contract's topic list that do not exist yet; existing ones are left alone. */
public final class Topics {

    private Topics() {
    }

    /** @return the names of the topics created now */
    public static List<String> ensure(String bootstrapServers, TopicCatalog catalog, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = catalog.topics().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> newTopic(t, replicationFactor))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create the topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    static NewTopic newTopic(TopicSpec spec, short replicationFactor) {
        return new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.config());
    }
}
