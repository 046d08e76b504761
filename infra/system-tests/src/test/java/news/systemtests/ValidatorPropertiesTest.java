package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import tools.jackson.databind.JsonNode;

/**
 * Promise 5 of docs/reliability.md, property-based: the validators of comment text (comment-service {@code
 * CommentTextPolicy}) and of article titles (article-service {@code ArticleRules}) as a client meets them, through the
 * gateway of the running stack, against an oracle written here from docs/product.md and the services' READMEs: a
 * comment is accepted exactly when its text, trimmed, has 1 to 300 code points and no control character but the line
 * feed (else 400 naming the rule); an article exactly when its title, trimmed, has 1 to 200 code points (else 400
 * naming the field). Every accepted text comes back as the oracle trimmed it; at the end the article has exactly the
 * accepted comments.
 * <p>
 * (These validators are package-private classes inside the services' Boot jars, so they cannot be called from this
 * module; comment-service has its own in-process property test, CommentTextPropertiesTest.)
 */
class ValidatorPropertiesTest {

    static SystemStack stack;
    static String article;
    static final AtomicInteger ACCEPTED = new AtomicInteger();
    static final AtomicInteger TRIES = new AtomicInteger();

    /** Generated text: padding of spaces around a core, the core as code points, whether a control sits inside. */
    record Text(String padLeft, List<Integer> core, String padRight) {
        String text() {
            StringBuilder s = new StringBuilder(padLeft);
            core.forEach(s::appendCodePoint);
            return s.append(padRight).toString();
        }

        String trimmed() {
            StringBuilder s = new StringBuilder();
            core.forEach(s::appendCodePoint);
            return s.toString();
        }

        boolean hasForbiddenControl() {
            return core.stream().anyMatch(cp -> cp != '\n' && Character.getType(cp) == Character.CONTROL);
        }
    }

    @BeforeContainer
    static void anArticleToCommentOn() {
        stack = SystemStack.shared();
        article = stack.propertyArticle();
        ACCEPTED.set(Newsroom.listComments(stack, article).size());
    }

    @AfterContainer
    static void theArticleHasExactlyTheAcceptedComments() {
        if (stack == null) {
            return;
        }
        List<String> listed = Newsroom.listComments(stack, article);
        assertThat(listed).as("comments stored for the accepted texts, and only those").hasSize(ACCEPTED.get());
        Figures.record("validator properties", "generated requests (comments and article titles)", TRIES.get());
    }

    @Property(tries = 150)
    void aCommentIsAcceptedExactlyWhenItsTrimmedTextHasOneTo300CodePointsAndNoControlCharacter(
            @ForAll("commentTexts") Text text) {
        TRIES.incrementAndGet();
        Api.Answer answer = Newsroom.comment(stack, article, "property-writer", text.text());
        int length = text.core().size();
        if (length == 0) {
            assertRefused(answer, "text-empty");
        } else if (length > 300) {
            assertRefused(answer, "text-too-long");
        } else if (text.hasForbiddenControl()) {
            assertRefused(answer, "text-control-character");
        } else {
            assertThat(answer.status()).as("accepted: %s", answer).isEqualTo(201);
            assertThat(answer.json().path("text").asString()).isEqualTo(text.trimmed());
            ACCEPTED.incrementAndGet();
        }
    }

    @Property(tries = 150)
    void anArticleIsAcceptedExactlyWhenItsTrimmedTitleHasOneTo200CodePoints(@ForAll("titles") Text title) {
        TRIES.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title.text());
        body.put("section", "Policy");
        body.put("source", "Property Wire");
        body.put("byline", Map.of("name", "Prop Erty", "email", "prop.erty@example.com"));
        body.put("body", List.of("A draft written by a property test."));
        body.put("publish", false);
        Api.Answer answer = Api.post(stack.api("/api/articles"), body, Newsroom.EDITOR);
        int length = title.core().size();
        if (length >= 1 && length <= 200) {
            assertThat(answer.status()).as("accepted: %s", answer).isEqualTo(201);
            assertThat(answer.json().path("title").asString()).isEqualTo(title.trimmed());
        } else {
            assertThat(answer.status()).as("refused: %s", answer).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            answer.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields).containsExactly("title");
        }
    }

    private static void assertRefused(Api.Answer answer, String rule) {
        assertThat(answer.status()).as("refused: %s", answer).isEqualTo(400);
        JsonNode json = answer.json();
        assertThat(json.path("rule").asString()).as("rule of %s", answer).isEqualTo(rule);
    }

    // -------------------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Text> commentTexts() {
        Arbitrary<Integer> visible = Arbitraries.oneOf(Arbitraries.integers().between(0x21, 0x7E),
                Arbitraries.integers().between(0xAC00, 0xD7A3), Arbitraries.integers().between(0x1F300, 0x1F64F));
        Arbitrary<Integer> inner = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, visible), net.jqwik.api.Tuple.of(2, Arbitraries.just((int) ' ')),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((int) '\n')),
                net.jqwik.api.Tuple.of(1, Arbitraries.oneOf(Arbitraries.integers().between(0x00, 0x09),
                        Arbitraries.integers().between(0x0B, 0x1F), Arbitraries.integers().between(0x7F, 0x9F))));
        return texts(visible, inner, 330, 295, 305);
    }

    @Provide
    Arbitrary<Text> titles() {
        Arbitrary<Integer> visible = Arbitraries.oneOf(Arbitraries.integers().between('A', 'Z'),
                Arbitraries.integers().between('a', 'z'), Arbitraries.integers().between(0xAC00, 0xD7A3),
                Arbitraries.integers().between(0x1F300, 0x1F64F));
        Arbitrary<Integer> inner = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, visible),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((int) ' ')));
        return texts(visible, inner, 220, 197, 203);
    }

    /**
     * Empty, or {@code visible} code points at both ends with up to {@code maxInner} {@code inner} ones between, or
     * {@code minLong} to {@code maxLong} visible ones (around a limit), or one visible one; padded with up to three
     * spaces on either side.
     */
    private static Arbitrary<Text> texts(Arbitrary<Integer> visible, Arbitrary<Integer> inner, int maxInner, int minLong,
                                         int maxLong) {
        Arbitrary<List<Integer>> core = Arbitraries.oneOf(
                Arbitraries.just(List.of()),
                Combinators.combine(visible, inner.list().ofMaxSize(maxInner), visible).as((first, middle, last) -> {
                    List<Integer> all = new ArrayList<>();
                    all.add(first);
                    all.addAll(middle);
                    all.add(last);
                    return all;
                }),
                visible.list().ofMinSize(minLong).ofMaxSize(maxLong), visible.list().ofSize(1));
        return Combinators.combine(padding(), core, padding()).as(Text::new);
    }

    private static Arbitrary<String> padding() {
        return Arbitraries.integers().between(0, 3).map(" "::repeat);
    }
}
