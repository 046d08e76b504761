/**
 * On-call for the local runtime: Debian's Prometheus and Alertmanager (packages {@code prometheus},
 * {@code prometheus-alertmanager}) pointed at the services of {@code infra/platform up} with the repository's
 * {@code infra/observability/prometheus-local.yml} and {@code alertmanager-local.yml}, and a webhook receiver that shows
 * every notification. {@code infra/platform observe} runs it; the live dashboard test drives the same classes.
 */
package news.launcher.observability;
