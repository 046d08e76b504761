package news.ranking.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import news.ranking.rules.Candidate;

/**
 * The binary layout of a candidate, in the candidates store (after the format byte) and in the list updates between
 * the stages (after the update's kind): article id, title and section as UTF-8 with their lengths, then publishedAt,
 * editorPick, editorPickedAt, the counts and pendingAt. A list update is its kind ({@code T} touch, {@code R} removal
 * of the article id that follows, {@code U} the candidate that follows) after the byte {@link #UPDATE}.
 */
final class CandidateLayout {

    /** First byte of a binary list update; never {@code '{'}, the first byte of the JSON updates of earlier builds. */
    static final byte UPDATE = 2;

    private CandidateLayout() {
    }

    /** The candidate after {@code head}: its format byte in the store, or a list update's marker and kind. */
    static byte[] write(Candidate candidate, byte... head) {
        byte[] id = utf8(candidate.articleId());
        byte[] title = utf8(candidate.title());
        byte[] section = utf8(candidate.section());
        ByteBuffer out = ByteBuffer.allocate(head.length + size(id, title, section, candidate.counts().length))
                .put(head);
        put(out, id, title, section, candidate);
        return out.array();
    }

    static byte[] write(ListUpdate update) {
        if (update.onlyTouches()) {
            return new byte[] {UPDATE, 'T'};
        }
        if (update.candidate() == null) {
            byte[] id = utf8(update.articleId());
            return ByteBuffer.allocate(2 + 4 + id.length).put(UPDATE).put((byte) 'R').putInt(id.length).put(id).array();
        }
        return write(update.candidate(), UPDATE, (byte) 'U');
    }

    /** A candidate after its format byte. */
    static Candidate readCandidate(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        return candidate(in);
    }

    static ListUpdate readUpdate(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != UPDATE) {
            throw new IllegalArgumentException("not a list update of this build: first byte " + bytes[0]);
        }
        byte kind = in.get();
        return switch (kind) {
            case 'T' -> ListUpdate.touch();
            case 'R' -> ListUpdate.remove(string(in));
            case 'U' -> ListUpdate.upsert(candidate(in));
            default -> throw new IllegalArgumentException("unknown list update kind " + kind);
        };
    }

    private static int size(byte[] id, byte[] title, byte[] section, int counts) {
        return 3 * 4 + id.length + title.length + section.length + 8 + 1 + 8 + 4 + 8 * counts + 8;
    }

    private static void put(ByteBuffer out, byte[] id, byte[] title, byte[] section, Candidate candidate) {
        out.putInt(id.length).put(id).putInt(title.length).put(title).putInt(section.length).put(section)
                .putLong(candidate.publishedAt()).put((byte) (candidate.editorPick() ? 1 : 0))
                .putLong(candidate.editorPickedAt()).putInt(candidate.counts().length);
        for (long count : candidate.counts()) {
            out.putLong(count);
        }
        out.putLong(candidate.pendingAt());
    }

    private static Candidate candidate(ByteBuffer in) {
        String id = string(in);
        String title = string(in);
        String section = string(in);
        long publishedAt = in.getLong();
        boolean editorPick = in.get() != 0;
        long editorPickedAt = in.getLong();
        long[] counts = new long[in.getInt()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.getLong();
        }
        return new Candidate(id, title, section, publishedAt, editorPick, editorPickedAt, counts, in.getLong());
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String value = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
