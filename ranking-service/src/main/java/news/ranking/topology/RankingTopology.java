package news.ranking.topology;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
import news.ranking.rules.ListKinds;

/**
 * The ranking topology, in plain Kafka Streams so a {@code TopologyTestDriver} runs it without Spring:
 * <pre>
 *  news.article-events ┐   per article (input partition), one job and one kind of state per stage:
 *  news.article-views  ├─▶ [read] ─▶ [reader-dedup] ─▶ [id-dedup] ─▶ [counting] ─▶ [fan-out] ─┐
 *  news.article-shares │      │       reader log        shares'       buckets       article      │ list updates
 *  news.comment-events ┘      ▼                          and comments'             snapshots     │ keyed {list}|{section}
 *                      &lt;topic&gt;.dlq                     ids                                      ▼ repartition
 *                   (original partition)                                     [ranking-lists] per list key ─▶ news.rankings
 *                                                                            (queryable store ranking-lists)
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
    private final ListKinds kinds;

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
        this.kinds = properties.listKinds();
    }

    /** From the raw records of the four input topics to the records of {@code news.rankings}. */
    public KStream<String, byte[]> build(KStream<byte[], byte[]> events) {
        KStream<String, ReadStage.Outcome> read = events.process(
                () -> new ReadStage(properties, reader, metrics, tracing), Named.as("ranking-read"));

        read.filter((key, value) -> value instanceof DeadLetter, Named.as("ranking-dead-letters"))
                .map((key, value) -> KeyValue.pair(((DeadLetter) value).key(), (DeadLetter) value),
                        Named.as("ranking-dead-letter-keys"))
                .to((key, letter, context) -> RankingTopics.deadLetterTopic(letter.topic()),
                        Produced.with(Serdes.ByteArray(), RankingSerdes.DEAD_LETTER)
                                .withStreamPartitioner((topic, key, letter, partitions) ->
                                        Optional.of(Set.of(letter.partition() % partitions)))
                                .withName("ranking-dead-letter-sink"));

        return read.filter((key, value) -> value instanceof Flow.Event, Named.as("ranking-events"))
                .mapValues(value -> (Flow) value, Named.as("ranking-event-values"))
                .process(new Stage<>(() -> new ReaderDedupStage(properties, kinds, metrics), RankingStores.readerLog()),
                        Named.as("ranking-reader-dedup"))
                .process(new Stage<>(() -> new IdDedupStage(properties, kinds),
                        RankingStores.activityLog(properties.dedupeRetention())), Named.as("ranking-id-dedup"))
                .process(new Stage<>(() -> new CountingStage(properties, kinds), RankingStores.buckets()),
                        Named.as("ranking-counting"))
                .process(new Stage<>(() -> new FanOutStage(properties, kinds, sections), RankingStores.articles()),
                        Named.as("ranking-fan-out"))
                .repartition(Repartitioned.with(Serdes.String(), RankingSerdes.LIST_UPDATE)
                        .withName(LIST_UPDATES)
                        .withNumberOfPartitions(properties.listPartitions()))
                .process(new Stage<>(() -> new ListProcessor(properties, kinds, metrics, topics.rankings()),
                        RankingStores.candidates(), RankingStores.lists()), Named.as("ranking-lists"));
    }

    /** The whole topology, sources and sink included, as the binder builds it. */
    public Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> events = builder.stream(topics.inputs(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
        build(events).to(topics.rankings(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /** A stage's processor with the stores it owns. */
    private record Stage<KIn, VIn, KOut, VOut>(Supplier<Processor<KIn, VIn, KOut, VOut>> processor,
                                              Set<StoreBuilder<?>> owned)
            implements ProcessorSupplier<KIn, VIn, KOut, VOut> {

        Stage(Supplier<Processor<KIn, VIn, KOut, VOut>> processor, StoreBuilder<?>... owned) {
            this(processor, Set.of(owned));
        }

        @Override
        public Processor<KIn, VIn, KOut, VOut> get() {
            return processor.get();
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return owned;
        }
    }
}
