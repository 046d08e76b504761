package news.ranking.query;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

import news.ranking.rules.ListKey;
import news.ranking.topology.RankingStores;
import news.ranking.topology.StoredList;

/**
 * Finds a list with Kafka Streams interactive queries: the list key's partition of the lists store tells which
 * instance owns it ({@code application.server} of each instance); the owner reads its local store without waiting.
 */
@Component
class InteractiveQueries implements ListLocator {

    private static final Serializer<String> KEYS = new StringSerializer();

    private final KafkaStreamsRegistry registry;
    private final InteractiveQueryService queries;

    InteractiveQueries(KafkaStreamsRegistry registry, InteractiveQueryService queries) {
        this.registry = registry;
        this.queries = queries;
    }

    @Override
    public Location locate(ListKey key) {
        KafkaStreams streams = registry.streamsBuilderFactoryBeans().stream()
                .map(StreamsBuilderFactoryBean::getKafkaStreams).filter(Objects::nonNull).findFirst().orElse(null);
        if (streams == null || !streams.state().isRunningOrRebalancing()) {
            return new NotReady("the ranking streams are " + (streams == null ? "not started" : streams.state()));
        }
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(RankingStores.LISTS, key.value(), KEYS);
        } catch (IllegalStateException e) {
            return new NotReady("the owner of " + key + " is not known yet");
        }
        if (owner == null || owner.activeHost().equals(HostInfo.unavailable())) {
            return new NotReady("the owner of " + key + " is not known yet (rebalancing)");
        }
        HostInfo self = queries.getCurrentHostInfo();
        if (self != null && !owner.activeHost().equals(self)) {
            return new There(owner.activeHost().host(), owner.activeHost().port());
        }
        try {
            ReadOnlyKeyValueStore<String, StoredList> lists = streams.store(StoreQueryParameters
                    .fromNameAndType(RankingStores.LISTS, QueryableStoreTypes.<String, StoredList>keyValueStore())
                    .withPartition(owner.partition()));
            return new Here(lists.get(key.value()));
        } catch (InvalidStateStoreException e) {
            return new NotReady("the store of " + key + " is not queryable yet (" + e.getMessage() + ")");
        }
    }
}
