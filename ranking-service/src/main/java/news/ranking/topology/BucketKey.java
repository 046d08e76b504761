package news.ranking.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Bytes;

/**
 * Key of the bucket store: {@code [window][bucket start, 8 bytes big-endian][articleId]}. Sorted by window and time
 * first, so the buckets that leave a window are one range scan from its start.
 */
record BucketKey(Window window, long start, String articleId) {

    enum Window {
        POPULAR_NOW((byte) 1), MUST_READS((byte) 2);

        final byte tag;

        Window(byte tag) {
            this.tag = tag;
        }

        static Window of(byte tag) {
            return tag == POPULAR_NOW.tag ? POPULAR_NOW : MUST_READS;
        }
    }

    Bytes bytes() {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(9 + id.length).put(window.tag).putLong(start).put(id).array());
    }

    static BucketKey of(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        Window window = Window.of(buffer.get());
        long start = buffer.getLong();
        return new BucketKey(window, start, new String(key.get(), 9, key.get().length - 9, StandardCharsets.UTF_8));
    }

    /** The lower bound of every key of a window. */
    static Bytes first(Window window) {
        return Bytes.wrap(new byte[] {window.tag});
    }

    /** An upper bound above every key of buckets starting before {@code start} and below all others. */
    static Bytes before(Window window, long start) {
        return Bytes.wrap(ByteBuffer.allocate(9).put(window.tag).putLong(start).array());
    }
}
