/**
 * Dead letters: reading {@code <topic>.dlq} (why each record failed, from its {@code x-dlq-*} headers) and putting chosen
 * letters back on their topic with their original key, value and headers, so that idempotent consumers process each
 * exactly once. {@code infra/platform dlq} runs it against the local broker or any cluster; {@link
 * news.launcher.dlq.DeadLetterTool} is the same command on its own, for an operations host next to a production cluster.
 */
package news.launcher.dlq;
