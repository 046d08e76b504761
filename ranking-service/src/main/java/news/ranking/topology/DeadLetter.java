package news.ranking.topology;

/**
 * A record this service cannot read, on its way to {@code <topic>.dlq} with its original key and value; its original
 * headers and the {@code x-dlq-*} headers travel on the Kafka Streams record.
 */
record DeadLetter(String topic, int partition, byte[] key, byte[] value) implements ReadStage.Outcome {
}
