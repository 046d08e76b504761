package news.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricsOfAnExpressionAndNothingElse() {
        assertThat(PromQl.metrics("histogram_quantile(0.99, sum by (application, page, le) "
                + "(rate(news_page_assembly_seconds_bucket{application=~\"$application\", uri!~\"/actuator.*\"}"
                + "[$__rate_interval]))) > 0.5")).containsExactly("news_page_assembly_seconds_bucket");
        assertThat(PromQl.metrics("max by (application) (kafka_consumer_fetch_manager_records_lag_max"
                + "{client_id!~\".*restore-consumer\"}) > 1000 and deriv(max by (application) "
                + "(kafka_consumer_fetch_manager_records_lag_max)[10m:1m]) > 0"))
                .containsExactly("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(PromQl.metrics("sum(rate(a_total[5m])) / on (job) group_left (x) sum(b_total offset 1h) or up == 0"))
                .containsExactly("a_total", "b_total", "up");
        assertThat(PromQl.metrics("max by (name, state) (resilience4j_circuitbreaker_state) == 1"))
                .as("digits inside a name are not a duration").containsExactly("resilience4j_circuitbreaker_state");
    }

    @Test
    void readsTheMetricOfAGrafanaLabelValuesQuery() {
        assertThat(PromQl.metrics("label_values(jvm_memory_used_bytes, application)"))
                .containsExactly("jvm_memory_used_bytes");
    }
}
