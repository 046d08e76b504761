package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void ifMatchAcceptsTheETagsThisServiceHandsOut() {
        assertThat(ExpectedVersion.of("\"3\"", null).ifMatch()).containsExactly(3L);
        assertThat(ExpectedVersion.of("W/\"3\"", null).ifMatch()).containsExactly(3L);
        assertThat(ExpectedVersion.of("3", null).ifMatch()).containsExactly(3L);
        assertThat(ExpectedVersion.of("\"2\", \"3\"", null).ifMatchFails(3)).isFalse();
        assertThat(ExpectedVersion.of("\"2\"", null).ifMatchFails(3)).isTrue();
    }

    @Test
    void aStarMatchesAnyVersionButCountsAsGiven() {
        ExpectedVersion any = ExpectedVersion.of("*", null);
        assertThat(any.given()).isTrue();
        assertThat(any.ifMatchFails(42)).isFalse();
    }

    @Test
    void aBodyVersionIsComparedOnItsOwn() {
        ExpectedVersion body = ExpectedVersion.of(null, 4L);
        assertThat(body.given()).isTrue();
        assertThat(body.bodyVersionFails(4)).isFalse();
        assertThat(body.bodyVersionFails(5)).isTrue();
        assertThat(ExpectedVersion.of(null, null).given()).isFalse();
    }

    @Test
    void anythingElseInIfMatchIsRefused() {
        assertThatThrownBy(() -> ExpectedVersion.of("\"abc\"", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExpectedVersion.of("-1", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
