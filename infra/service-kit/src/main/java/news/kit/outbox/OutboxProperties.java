package news.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay ({@code news.outbox.*}).
 *
 * @param pollInterval how often the relay sweeps the collection for pending events nobody nudged it about (written
 *                     by an instance that stopped before its relay sent them, left by a failed round, or leased by a
 *                     relay that died), and refreshes {@code news.outbox.pending}
 * @param batchSize    documents claimed per round
 * @param lease        how long a relay owns a document it claimed; another instance takes over after that
 * @param sendTimeout  how long to wait for Kafka's acknowledgement of one round
 * @param maxBackoff   the longest pause between rounds while Kafka fails
 */
@ConfigurationProperties("news.outbox")
public record OutboxProperties(@DefaultValue("60s") Duration pollInterval,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("60s") Duration lease,
                               @DefaultValue("15s") Duration sendTimeout,
                               @DefaultValue("5s") Duration maxBackoff) {
}
