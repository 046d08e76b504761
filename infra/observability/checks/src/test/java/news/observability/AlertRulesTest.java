package news.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The alerts SREs were promised: SLO burn rates (fast: a page, slow: a ticket) for the SLOs of docs/operations.md, the
 * failure modes seen (5xx ratio, heap after GC, GC time, Kafka Streams not RUNNING or short of stream threads, outbox
 * backlog and growth, consumer lag on the client and on the broker, dead letters, targets down, page p99, degraded
 * pages, freshness, lists that stopped while readers view), each with a severity Alertmanager routes on (page or ticket), the service it groups by, a summary
 * and a runbook in docs/operations.md; valid for Prometheus, and firing when, and only when, alerts-test.yml says.
 */
class AlertRulesTest {

    static final java.util.List<String> PROMISED = java.util.List.of("NewsSloFastBurn", "NewsSloSlowBurn",
            "NewsServiceDown", "NewsHttp5xxRatioHigh", "NewsPageAssemblyP99High", "NewsPagesDegraded",
            "NewsConsumerLagGrowing", "NewsRankingFreshnessSlow", "NewsRankingsStale", "NewsDeadLetters", "NewsOutboxBacklog",
            "NewsOutboxPendingGrowing", "NewsOutboxPublishFailing", "NewsJvmHeapHighAfterGc", "NewsJvmGcTimeHigh",
            "NewsKafkaStreamsNotRunning", "NewsKafkaStreamsThreadsMissing", "NewsConsumerGroupLagGrowing",
            "NewsAnalyticsConsumerGroupLag", "NewsKafkaUnderReplicatedPartitions", "NewsMongoDown", "NewsTargetDown");

    @Test
    void everyPromisedAlertIsThereWithSeverityServiceSummaryAndARunbookThatExists() {
        Map<String, Map<String, Object>> alerts = Observability.alerts();
        String operations = Observability.read(Observability.OPERATIONS);

        assertThat(alerts.keySet()).containsExactlyInAnyOrderElementsOf(PROMISED);
        alerts.forEach((name, rule) -> {
            assertThat((String) Observability.at(rule, "labels", "severity")).as(name).isIn("page", "ticket");
            boolean sloAlert = String.valueOf(rule.get("expr")).contains("news_slo:");
            assertThat(sloAlert || Observability.at(rule, "labels", "service") != null)
                    .as(name + " names the service Alertmanager groups it by (its `service` label)").isTrue();
            assertThat((String) Observability.at(rule, "annotations", "summary")).as(name).isNotBlank();
            String runbook = Observability.at(rule, "annotations", "runbook");
            assertThat(runbook).as(name).isEqualTo("docs/operations.md#" + name.toLowerCase(java.util.Locale.ROOT));
            assertThat(operations).as("the runbook of " + name).contains("### " + name);
        });
        assertThat(String.valueOf(alerts.get("NewsRankingFreshnessSlow").get("expr"))).endsWith("> 10");
    }

    @Test
    void everySloOfTheOperationsGuideHasItsObjectiveAndErrorRatiosOverEveryBurnRateWindow() {
        Map<String, java.util.List<Map<String, Object>>> recorded = Observability.recordingRules();
        java.util.Set<String> slos = new java.util.TreeSet<>();
        recorded.get("news_slo:objective").forEach(r -> slos.add(Observability.at(r, "labels", "slo")));

        assertThat(slos).containsExactlyInAnyOrder("page-availability", "page-latency", "view-acceptance",
                "popular-now-freshness", "comment-posting");
        for (String window : java.util.List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d")) {
            java.util.Set<String> covered = new java.util.TreeSet<>();
            recorded.get("news_slo:error_ratio:rate" + window).forEach(r -> {
                covered.add(Observability.at(r, "labels", "slo"));
                assertThat(String.valueOf(r.get("expr"))).as(window).contains("[" + window + "]");
            });
            assertThat(covered).as("SLOs with an error ratio over " + window).isEqualTo(slos);
        }
        String operations = Observability.read(Observability.OPERATIONS);
        slos.forEach(slo -> assertThat(operations).as("docs/operations.md defines " + slo).contains("`" + slo + "`"));
        String tests = Observability.read(Observability.ALERT_TESTS);
        slos.forEach(slo -> assertThat(tests).as("a burn-rate test of " + slo).contains("slo: " + slo));
    }

    @Test
    void everyAlertHasAUnitTestThatSeesItFire() {
        String tests = Observability.read(Observability.ALERT_TESTS);
        for (String name : Observability.alerts().keySet()) {
            assertThat(tests).as("alerts-test.yml makes %s fire", name)
                    .containsPattern("alertname: " + name + "\\s+exp_alerts:\\s+- exp_labels");
        }
    }

    @Test
    void promtoolAcceptsTheRules() {
        Promtool.Result result = Promtool.run(Observability.DIR, "check", "rules", "alerts.yml");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: " + (Observability.alerts().size()
                + Observability.recordingRules().values().stream().mapToInt(java.util.List::size).sum()) + " rules found");
    }

    @Test
    void theAlertsFireWhenAndOnlyWhenTheirUnitTestsSay() {
        Promtool.Result result = Promtool.run(Observability.DIR, "test", "rules", "alerts-test.yml");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }
}
