/**
 * The trace context the services hand on to their events: the W3C {@code traceparent} of the current span
 * ({@link news.kit.tracing.CurrentTrace}) and the few checks on such values that consumers make per record
 * ({@link news.kit.tracing.Traceparents}). Spans themselves come from Micrometer Tracing with the OpenTelemetry
 * bridge; sampling and the OTLP exporter are settings (news-kit-defaults.yml).
 */
package news.kit.tracing;
