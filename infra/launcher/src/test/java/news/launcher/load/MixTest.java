package news.launcher.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MixTest {

    private static final List<String> ARTICLES = IntStream.range(0, 30).mapToObj(i -> "article" + i).toList();

    @Test
    void newReadersGetANewReaderIdAndClientAddressWithEveryRequest() {
        Mix.RequestSource source = mix(Mix.PerVisit.only(Kind.VIEW), Mix.Readers.NEW_PER_REQUEST).source(7);
        Set<String> addresses = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            Planned view = source.next();
            addresses.add(view.clientAddress());
            bodies.add(view.json());
        }
        assertThat(addresses).hasSize(5_000);
        assertThat(bodies).hasSize(5_000);
    }

    @Test
    void returningReadersKeepTheirAddressAndComeBack() {
        Mix.RequestSource source = mix(Mix.PerVisit.only(Kind.VIEW), Mix.Readers.RETURNING).source(7);
        Map<String, Set<String>> addressesByReader = IntStream.range(0, 5_000).mapToObj(i -> source.next())
                .collect(Collectors.groupingBy(Planned::json, Collectors.mapping(Planned::clientAddress,
                        Collectors.toSet())));
        assertThat(addressesByReader).hasSizeLessThanOrEqualTo(100);
        assertThat(addressesByReader.values()).allSatisfy(addresses -> assertThat(addresses).hasSize(1));
    }

    @Test
    void aVisitIsAPageAndAViewWithTheRarerRequestsInProportion() {
        Mix.RequestSource source = mix(Mix.PerVisit.browsing(0.02, 0.002), Mix.Readers.RETURNING).source(3);
        Map<Kind, Long> kinds = IntStream.range(0, 100_000).mapToObj(i -> source.next())
                .collect(Collectors.groupingBy(Planned::kind, Collectors.counting()));
        double perVisit = Mix.PerVisit.browsing(0.02, 0.002).total();
        assertThat(kinds.get(Kind.PAGE_ARTICLE) / 100_000.0).isCloseTo(1 / perVisit, org.assertj.core.data.Offset.offset(0.01));
        assertThat(kinds.get(Kind.VIEW) / 100_000.0).isCloseTo(1 / perVisit, org.assertj.core.data.Offset.offset(0.01));
        assertThat(kinds.get(Kind.COMMENT)).isPositive();
        assertThat(kinds).doesNotContainKey(Kind.ABUSIVE);
    }

    @Test
    void commentsCarryTheTokenOfTheirReaderMintedOncePerReaderBeforeAnyRequest() {
        Set<String> minted = new HashSet<>();
        Function<String, String> mint = subject -> {
            assertThat(minted.add(subject)).as("minted once: " + subject).isTrue();
            return "token-of-" + subject;
        };
        Mix mix = new Mix(ARTICLES, Mix.PerVisit.only(Kind.COMMENT), Mix.Readers.RETURNING, 20, 0, 0, mint);
        Set<String> mintedBeforeTheRun = Set.copyOf(minted);
        Mix.RequestSource source = mix.source(1);
        List<Planned> comments = IntStream.range(0, 500).mapToObj(i -> source.next()).toList();
        Map<String, Set<String>> tokensByAddress = comments.stream().collect(Collectors.groupingBy(
                Planned::clientAddress, Collectors.mapping(Planned::token, Collectors.toSet())));

        assertThat(minted).as("no token minted while requests are drawn").isEqualTo(mintedBeforeTheRun)
                .hasSize(20).allSatisfy(s -> assertThat(s).startsWith("sim-reader-"));
        assertThat(tokensByAddress.values()).allSatisfy(tokens -> assertThat(tokens).hasSize(1));
        assertThat(comments).allSatisfy(c -> assertThat(c.token()).isEqualTo("token-of-sim-reader-"
                + c.clientAddress().substring(c.clientAddress().lastIndexOf('.') + 1)));
    }

    @Test
    void aMixWithoutCommentsMintsNoToken() {
        new Mix(ARTICLES, Mix.PerVisit.browsing(0.02, 0), Mix.Readers.NEW_PER_REQUEST, 20, 0, 0, subject -> {
            throw new AssertionError("minted a token for " + subject);
        });
    }

    private static Mix mix(Mix.PerVisit perVisit, Mix.Readers readers) {
        return new Mix(ARTICLES, perVisit, readers, 100, 0, 0, subject -> "token-of-" + subject);
    }
}
