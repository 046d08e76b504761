package news.ranking.bench.peers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Popular Now as a Flink job, as a team choosing Flink would write it: a local MiniCluster, exactly-once checkpoints
 * every second to local disk, the heap state backend ({@code hashmap}: every piece of state here is small and hot, and
 * the heap backend is Flink's fastest; RocksDB is for state larger than memory), a Kafka source and a transactional
 * Kafka sink.
 * <pre>
 *  views ─▶ no bots ─▶ keyBy(article|reader): repeat rule ─▶ keyBy(article): 1-s buckets over 60 min ─▶
 *          keyBy(list key: section and all): top 50 every second ─▶ Kafka topic, key popular-now|{section}
 * </pre>
 * Same rules as ranking-service: a reader's view of an article counts when they have no counted view of it within
 * 30 minutes around it; bots never count; the list holds the views of the last 60 minutes (event time against the
 * wall clock), best first, ties by article id (the job sees no article snapshots, so not by publication time).
 */
final class FlinkPopularNow {

    private FlinkPopularNow() {
    }

    static void run(String bootstrap, String group, String checkpoints, String output, int parallelism)
            throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(output)) {
                admin.createTopics(List.of(new NewTopic(output, 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact")))).all().get();
            }
        }
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "file://" + checkpoints);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        env.enableCheckpointing(1000, CheckpointingMode.EXACTLY_ONCE);
        // the functions keep no reference to a record they passed on, so records need no defensive copies
        env.getConfig().enableObjectReuse();

        KafkaSource<View> source = KafkaSource.<View>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(Rules.VIEWS_TOPIC)
                .setGroupId(group)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new ViewSchema())
                .setProperty("isolation.level", "read_committed")
                .build();
        Properties producer = new Properties();
        producer.setProperty("transaction.timeout.ms", "60000");
        KafkaSink<ListRecord> sink = KafkaSink.<ListRecord>builder()
                .setBootstrapServers(bootstrap)
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(KafkaRecordSerializationSchema.<ListRecord>builder()
                        .setTopic(output)
                        .setKeySerializationSchema(new KeyBytes())
                        .setValueSerializationSchema(new ValueBytes())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(group)
                .build();

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "views")
                .filter(view -> view != null && !view.bot).name("humans")
                .keyBy(view -> view.articleId + "|" + view.readerHash)
                .process(new RepeatRule()).name("repeat-rule")
                .keyBy(view -> view.articleId)
                .process(new WindowCounts()).name("window-counts")
                .flatMap((ArticleCount count, Collector<ArticleCount> out) -> {
                    out.collect(count);
                    out.collect(count.forList(Rules.ALL));
                }).returns(ArticleCount.class).name("section-and-all")
                .keyBy(count -> count.list)
                .process(new TopList()).name("top-50")
                .sinkTo(sink).name("rankings");
        env.execute("popular-now");
    }

    /** A view counts when the reader has no counted view of the article within the repeat interval around it. */
    static final class RepeatRule extends KeyedProcessFunction<String, View, View> {

        private transient ValueState<Long> lastCounted;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("last-counted", Types.LONG);
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(96)).build());
            lastCounted = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(View view, Context context, Collector<View> out) throws Exception {
            Long last = lastCounted.value();
            if (last == null || Math.abs(view.viewedAt - last) >= Rules.REPEAT_INTERVAL) {
                lastCounted.update(last == null ? view.viewedAt : Math.max(last, view.viewedAt));
                out.collect(view);
            }
        }
    }

    /**
     * Counted views per article in 1-second buckets of event time; a bucket leaves the window when the wall clock
     * passes its start + 60 minutes. The article's count goes downstream at most once a second, when it changed.
     */
    static final class WindowCounts extends KeyedProcessFunction<String, View, ArticleCount> {

        private transient MapState<Long, Integer> buckets;
        private transient ValueState<ArticleCount> current;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            buckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets", Types.LONG, Types.INT));
            current = getRuntimeContext().getState(new ValueStateDescriptor<>("count",
                    TypeInformation.of(ArticleCount.class)));
        }

        @Override
        public void processElement(View view, Context context, Collector<ArticleCount> out) throws Exception {
            long now = context.timerService().currentProcessingTime();
            long bucket = view.viewedAt - view.viewedAt % 1000;
            if (bucket < now - now % 1000 - Rules.WINDOW) {
                return;
            }
            Integer n = buckets.get(bucket);
            buckets.put(bucket, n == null ? 1 : n + 1);
            ArticleCount count = current.value();
            if (count == null) {
                count = new ArticleCount(view.section, view.articleId, view.section, 0);
            }
            count.count++;
            count.dirty = true;
            current.update(count);
            context.timerService().registerProcessingTimeTimer(bucket + Rules.WINDOW + 1000);
            context.timerService().registerProcessingTimeTimer(now - now % 1000 + 1000);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext context, Collector<ArticleCount> out) throws Exception {
            ArticleCount count = current.value();
            if (count == null) {
                return;
            }
            long cutoff = timestamp - timestamp % 1000 - Rules.WINDOW;
            List<Long> expired = new ArrayList<>();
            for (Map.Entry<Long, Integer> bucket : buckets.entries()) {
                if (bucket.getKey() < cutoff) {
                    expired.add(bucket.getKey());
                    count.count -= bucket.getValue();
                    count.dirty = true;
                }
            }
            for (Long bucket : expired) {
                buckets.remove(bucket);
            }
            if (count.dirty) {
                count.dirty = false;
                current.update(count);
                out.collect(count.copy());
            }
        }
    }

    /** The counts of every article of one list key; the top 50 go out every second when they changed. */
    static final class TopList extends KeyedProcessFunction<String, ArticleCount, ListRecord> {

        private transient MapState<String, Long> counts;
        private transient ValueState<Boolean> dirty;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext context) {
            counts = getRuntimeContext().getMapState(new MapStateDescriptor<>("counts", Types.STRING, Types.LONG));
            dirty = getRuntimeContext().getState(new ValueStateDescriptor<>("dirty", Types.BOOLEAN));
        }

        @Override
        public void processElement(ArticleCount count, Context context, Collector<ListRecord> out) throws Exception {
            if (count.count <= 0) {
                counts.remove(count.articleId);
            } else {
                counts.put(count.articleId, count.count);
            }
            dirty.update(true);
            long now = context.timerService().currentProcessingTime();
            context.timerService().registerProcessingTimeTimer(now - now % 1000 + 1000);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext context, Collector<ListRecord> out) throws Exception {
            if (!Boolean.TRUE.equals(dirty.value())) {
                return;
            }
            dirty.update(false);
            List<Map.Entry<String, Long>> ranked = new ArrayList<>();
            Map<String, Long> all = new HashMap<>();
            counts.entries().forEach(e -> all.put(e.getKey(), e.getValue()));
            ranked.addAll(all.entrySet());
            ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            StringBuilder json = new StringBuilder("{\"list\":\"popular-now\",\"section\":\"")
                    .append(context.getCurrentKey()).append("\",\"computedAt\":").append(timestamp)
                    .append(",\"entries\":[");
            for (int i = 0; i < Math.min(Rules.TOP, ranked.size()); i++) {
                json.append(i == 0 ? "" : ",").append("{\"articleId\":\"").append(ranked.get(i).getKey())
                        .append("\",\"score\":").append(ranked.get(i).getValue()).append('}');
            }
            out.collect(new ListRecord("popular-now|" + context.getCurrentKey(), json.append("]}").toString()));
        }
    }

    /** An article's current count, on its way to one list key. */
    public static class ArticleCount {
        public String list;
        public String articleId;
        public String section;
        public long count;
        public boolean dirty;

        public ArticleCount() {
        }

        ArticleCount(String list, String articleId, String section, long count) {
            this.list = list;
            this.articleId = articleId;
            this.section = section;
            this.count = count;
        }

        ArticleCount forList(String other) {
            return new ArticleCount(other, articleId, section, count);
        }

        ArticleCount copy() {
            return forList(list);
        }
    }

    /** One record of the output topic. */
    public static class ListRecord {
        public String key;
        public String json;

        public ListRecord() {
        }

        ListRecord(String key, String json) {
            this.key = key;
            this.json = json;
        }
    }

    static final class KeyBytes implements SerializationSchema<ListRecord> {
        @Override
        public byte[] serialize(ListRecord record) {
            return record.key.getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class ValueBytes implements SerializationSchema<ListRecord> {
        @Override
        public byte[] serialize(ListRecord record) {
            return record.json.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The views' values; a record that is not a view becomes {@code null} and is filtered out. */
    static final class ViewSchema implements DeserializationSchema<View> {

        @Override
        public View deserialize(byte[] message) {
            return message == null ? null : View.parse(message);
        }

        @Override
        public boolean isEndOfStream(View next) {
            return false;
        }

        @Override
        public TypeInformation<View> getProducedType() {
            return TypeInformation.of(View.class);
        }
    }
}
