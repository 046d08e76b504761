package news.kit.warmup;

import java.util.List;

/**
 * A service's warm-up: the requests of one round, which {@link WarmUp} sends to the service's own port many times
 * before readiness says ready. A round may vary with its number (a new made-up client address per round, say).
 */
@FunctionalInterface
public interface WarmUpRequests {

    List<WarmUpRequest> round(int round);

    /**
     * A documentation address (RFC 5737) for a round, so that a gateway's per-address limits never meet a reader's
     * address and no round is refused for the ones before it: 762 different addresses before one repeats.
     */
    static String madeUpClientAddress(int round) {
        String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
        int n = Math.floorMod(round, nets.length * 254);
        return nets[n / 254] + (n % 254 + 1);
    }

    /**
     * A well-formed article id no article has, one per round ({@code WarmUp000123}): a read or write of it misses
     * every cache as a new article does, and is answered 404 without counting anything.
     */
    static String unknownArticleId(int round) {
        return "WarmUp%06d".formatted(Math.floorMod(round, 1_000_000));
    }

    /**
     * A bearer token no issuer signed, for a request the token check itself must refuse: a well-formed RS256 token
     * without a key id, so that the resource server fetches its issuer's key set and checks the signature with each of
     * its keys, which never matches (401 {@code invalid_token}; nothing is read, stored or counted). Its signature is
     * as long as a 2048-bit key's and below any such key's modulus, so the check runs to the end instead of stopping at
     * its length. Without such a request the first reader's token pays for loading, initialising and compiling all of
     * that under load (docs/benchmarks.md).
     */
    static String unverifiableBearerToken() {
        return UnverifiableToken.TOKEN;
    }
}
