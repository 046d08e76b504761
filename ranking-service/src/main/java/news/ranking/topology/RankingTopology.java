package news.ranking.topology;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

import news.kit.Sections;
import news.ranking.RankingProperties;
import news.ranking.RankingTopics;
import news.ranking.events.EventReader;
import news.ranking.rules.ListRules;
import news.ranking.rules.Scoring;

/**
 * The ranking topology, in plain Kafka Streams so a {@code TopologyTestDriver} runs it without Spring:
 * <pre>
 *  news.article-events ┐
 *  news.article-views  ├─▶ [ranking-activity] ─┬─ dead letters ──▶ &lt;topic&gt;.dlq (original partition)
 *  news.article-shares │   per article, 6 tasks └─ list updates keyed {list}|{section}
 *  news.comment-events ┘                              │ repartition "ranking-list-updates"
 *                                                     ▼
 *                                           [ranking-lists] per list key ──▶ news.rankings
 *                                           (queryable store ranking-lists)
 * </pre>
 * The Spring Cloud Stream binder calls {@link #build(KStream)} with the four inputs as one stream and binds the result
 * to {@code news.rankings}; {@link #topology()} does the same by hand for tests and tools.
 */
public final class RankingTopology {

    /** Name of the internal topic between the stages: {@code <application.id>-ranking-list-updates-repartition}. */
    public static final String LIST_UPDATES = "ranking-list-updates";

    private final RankingProperties properties;
    private final RankingTopics topics;
    private final Sections sections;
    private final RankingMetrics metrics;
    private final RecordTracing tracing;
    private final EventReader reader;
    private final ListRules rules;

    public RankingTopology(RankingProperties properties, RankingTopics topics, Sections sections,
                           RankingMetrics metrics) {
        this(properties, topics, sections, metrics, RecordTracing.OFF);
    }

    public RankingTopology(RankingProperties properties, RankingTopics topics, Sections sections,
                           RankingMetrics metrics, RecordTracing tracing) {
        this.properties = properties;
        this.topics = topics;
        this.sections = sections;
        this.metrics = metrics;
        this.tracing = tracing;
        this.reader = new EventReader(topics, properties.events());
        RankingProperties.MustReads mustReads = properties.mustReads();
        this.rules = new ListRules(properties.maxListSize(), properties.popularNow().window(), mustReads.window(),
                new Scoring(mustReads.viewWeight(), mustReads.commentWeight(), mustReads.shareWeight(),
                        mustReads.ageOffsetHours(), mustReads.ageExponent()));
    }

    /** From the raw records of the four input topics to the records of {@code news.rankings}. */
    public KStream<String, byte[]> build(KStream<byte[], byte[]> events) {
        KStream<String, ActivityOutput> activity = events.process(new ActivitySupplier(), Named.as("ranking-activity"));

        activity.filter((key, value) -> value instanceof DeadLetter, Named.as("ranking-dead-letters"))
                .map((key, value) -> KeyValue.pair(((DeadLetter) value).key(), (DeadLetter) value),
                        Named.as("ranking-dead-letter-keys"))
                .to((key, letter, context) -> RankingTopics.deadLetterTopic(letter.topic()),
                        Produced.with(Serdes.ByteArray(), RankingSerdes.DEAD_LETTER)
                                .withStreamPartitioner((topic, key, letter, partitions) ->
                                        Optional.of(Set.of(letter.partition() % partitions)))
                                .withName("ranking-dead-letter-sink"));

        return activity.filter((key, value) -> value instanceof ListUpdate, Named.as("ranking-list-updates-only"))
                .mapValues(value -> (ListUpdate) value, Named.as("ranking-list-update-values"))
                .repartition(Repartitioned.with(Serdes.String(), RankingSerdes.LIST_UPDATE)
                        .withName(LIST_UPDATES)
                        .withNumberOfPartitions(properties.listPartitions()))
                .process(new ListSupplier(), Named.as("ranking-lists"));
    }

    /** The whole topology, sources and sink included, as the binder builds it. */
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> events = builder.stream(topics.inputs(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
        build(events).to(topics.rankings(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    private final class ActivitySupplier implements ProcessorSupplier<byte[], byte[], String, ActivityOutput> {

        @Override
        public Processor<byte[], byte[], String, ActivityOutput> get() {
            return new ActivityProcessor(properties, reader, metrics, tracing, sections);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(RankingStores.articles(), RankingStores.counters(), RankingStores.buckets(),
                    RankingStores.readerLog(properties.popularNow()), RankingStores.activityLog(properties.mustReads()),
                    RankingStores.viewClock());
        }
    }

    private final class ListSupplier implements ProcessorSupplier<String, ListUpdate, String, byte[]> {

        @Override
        public Processor<String, ListUpdate, String, byte[]> get() {
            return new ListProcessor(properties, rules, metrics, topics.rankings());
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(RankingStores.candidates(), RankingStores.lists());
        }
    }
}
