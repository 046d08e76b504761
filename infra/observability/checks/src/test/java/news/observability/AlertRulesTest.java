package news.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The alerts SREs were promised (issue #7: page p99 high, degraded pages, consumer lag growing, ranking freshness
 * over 10 s, dead letters, outbox backlog, service down), each with a severity, a summary and a runbook in
 * docs/operations.md; valid for Prometheus, and firing when, and only when, alerts-test.yml says.
 */
class AlertRulesTest {

    @Test
    void everyPromisedAlertIsThereWithSeveritySummaryAndARunbookThatExists() {
        Map<String, Map<String, Object>> alerts = Observability.alerts();
        String operations = Observability.read(Observability.OPERATIONS);

        assertThat(alerts.keySet()).contains("NewsServiceDown", "NewsPageAssemblyP99High", "NewsPagesDegraded",
                "NewsConsumerLagGrowing", "NewsRankingFreshnessSlow", "NewsDeadLetters", "NewsOutboxBacklog");
        alerts.forEach((name, rule) -> {
            assertThat((String) Observability.at(rule, "labels", "severity")).as(name).isIn("warning", "critical");
            assertThat((String) Observability.at(rule, "annotations", "summary")).as(name).isNotBlank();
            String runbook = Observability.at(rule, "annotations", "runbook");
            assertThat(runbook).as(name).isEqualTo("docs/operations.md#" + name.toLowerCase(java.util.Locale.ROOT));
            assertThat(operations).as("the runbook of " + name).contains("### " + name);
        });
        assertThat(String.valueOf(alerts.get("NewsRankingFreshnessSlow").get("expr"))).endsWith("> 10");
    }

    @Test
    void promtoolAcceptsTheRules() {
        Promtool.Result result = Promtool.run(Observability.DIR, "check", "rules", "alerts.yml");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: " + Observability.alerts().size() + " rules found");
    }

    @Test
    void theAlertsFireWhenAndOnlyWhenTheirUnitTestsSay() {
        Promtool.Result result = Promtool.run(Observability.DIR, "test", "rules", "alerts-test.yml");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS");
    }
}
