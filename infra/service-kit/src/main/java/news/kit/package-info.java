/**
 * Cross-cutting pieces every service wires the same way, so that none of them is written four times: CloudEvents
 * binary-mode headers ({@code cloudevents}), the embedded-document outbox and its relay ({@code outbox}), bearer
 * tokens with the development key or a real issuer ({@code security}), and RFC 9457 problem details
 * ({@code web}). Deliberately no event types and no domain rules: those belong to the services.
 */
package news.kit;
