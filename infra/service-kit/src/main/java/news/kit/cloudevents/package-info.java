/** CloudEvents 1.0 in Kafka binary mode, as {@code infra/contracts/cloudevents.md} describes it. */
package news.kit.cloudevents;
