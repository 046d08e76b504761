package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReaderHasherTest {

    final ReaderHasher hasher = new ReaderHasher("secret");

    @Test
    void aReaderAlwaysGetsTheSameHexHashAndItDependsOnTheSalt() {
        String hash = hasher.ofReader("reader-42");
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(hasher.ofReader("reader-42"))
                .isNotEqualTo(hasher.ofReader("reader-43"))
                .isNotEqualTo(new ReaderHasher("other").ofReader("reader-42"))
                .doesNotContain("reader-42");
    }

    @Test
    void readerIdsAndClientAddressesCannotCollide() {
        assertThat(hasher.ofReader("127.0.0.1")).isNotEqualTo(hasher.ofClient("127.0.0.1", ""));
        assertThat(hasher.ofClient("10.0.0.1", "A")).isNotEqualTo(hasher.ofClient("10.0.0.1", "B"))
                .isNotEqualTo(hasher.ofClient("10.0.0.2", "A"));
        assertThat(hasher.ofClient("10.0.0.1", null)).isEqualTo(hasher.ofClient("10.0.0.1", ""));
    }

    @Test
    void anEmptySaltIsRefused() {
        assertThatThrownBy(() -> new ReaderHasher("")).isInstanceOf(IllegalArgumentException.class);
    }
}
