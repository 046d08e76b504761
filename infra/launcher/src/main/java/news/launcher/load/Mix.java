package news.launcher.load;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What readers send, request by request. A reader's visit to an article is its page data and its view beacon, and
 * now and then the home page, a comment list, a ranking, an article read by an app, a share or a comment
 * ({@link PerVisit}). Articles are drawn Zipf-like (a few get most visits). Readers either come back (a pool of
 * returning readers, each with a stable address, at a human pace) or are new with every request (a new reader id
 * and client address each time, the hardest case for the per-client work of the gateway and the services).
 * A share of the traffic is crawlers; optionally one abusive client floods views from a single address, reported
 * in a row of its own.
 */
public final class Mix {

    /** Where readers come from. */
    public enum Readers {
        /** a new reader id and client address with every request */
        NEW_PER_REQUEST,
        /** a pool of returning readers, each with a stable client address */
        RETURNING
    }

    /** Requests per visit of an article page, by kind. */
    public record PerVisit(double pages, double views, double home, double articles, double comments,
                           double rankings, double shares, double commentPosts) {

        /** A browser's visit: the page and its view, now and then home, lists, an app's article read, a share. */
        public static PerVisit browsing(double shares, double commentPosts) {
            return new PerVisit(1, 1, 0.15, 0.1, 0.05, 0.05, shares, commentPosts);
        }

        public static PerVisit only(Kind kind) {
            return switch (kind) {
                case PAGE_ARTICLE -> new PerVisit(1, 0, 0, 0, 0, 0, 0, 0);
                case VIEW -> new PerVisit(0, 1, 0, 0, 0, 0, 0, 0);
                case PAGE_HOME -> new PerVisit(0, 0, 1, 0, 0, 0, 0, 0);
                case ARTICLE -> new PerVisit(0, 0, 0, 1, 0, 0, 0, 0);
                case COMMENTS -> new PerVisit(0, 0, 0, 0, 1, 0, 0, 0);
                case RANKING -> new PerVisit(0, 0, 0, 0, 0, 1, 0, 0);
                case SHARE -> new PerVisit(0, 0, 0, 0, 0, 0, 1, 0);
                case COMMENT -> new PerVisit(0, 0, 0, 0, 0, 0, 0, 1);
                case ABUSIVE -> throw new IllegalArgumentException("the abusive client is not a mix of its own");
            };
        }

        double[] weights() {
            return new double[] {pages, home, articles, comments, rankings, views, shares, commentPosts};
        }

        /** Requests per visit in all. */
        public double total() {
            return Arrays.stream(weights()).sum();
        }

        public double viewShare() {
            return views / total();
        }
    }

    private static final Kind[] KINDS = {Kind.PAGE_ARTICLE, Kind.PAGE_HOME, Kind.ARTICLE, Kind.COMMENTS,
            Kind.RANKING, Kind.VIEW, Kind.SHARE, Kind.COMMENT};
    private static final String[] CHANNELS = {"facebook", "x", "kakaotalk", "email", "link"};
    private static final String[] BOTS = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"};
    private static final String[] COMMENTS = {
            "Good to see this reported in detail.", "Does anyone know when the next review is due?",
            "The budget figures in the third paragraph look optimistic.", "Thanks for the clear summary.",
            "이 기사 잘 읽었습니다.", "Interesting angle on the procurement timeline."};
    private static final String[] SECTIONS = {"all", "Army", "Navy", "Air Force", "Views"};
    /**
     * Readers who comment: their tokens are minted when the mix is made, before any request is sent, because minting
     * is a round trip to the identity provider that would hold the sending thread. Enough for a simulator's comment
     * rate (about one every 2.5 s at 200 views/s) within each author's limit (5 a minute); a benchmark of comment posts
     * at full speed meets that limit, as real authors would.
     */
    static final int COMMENTERS = 64;
    /** Where the abusive client's requests are: at most one in this many of all requests. */
    private static final String ABUSIVE_ADDRESS = "203.0.113.66";

    private final List<String> articles;
    private final double[] cumulative;
    private final Zipf articleDraw;
    private final Readers readers;
    private final int readerPool;
    private final double botShare;
    private final double abusiveShare;
    /** Each commenter's token, by commenter number; empty when the mix posts no comments. */
    private final String[] tokens;
    private final AtomicLong newReaders = new AtomicLong();

    /**
     * @param articles     ids of published articles, drawn Zipf-like (s = 1.1)
     * @param perVisit     requests per visit, by kind
     * @param readers      returning or new with every request
     * @param readerPool   returning readers (ignored for new readers)
     * @param botShare     the share of page reads and views sent by crawlers
     * @param abusiveShare the share of all requests sent by one abusive client (views from one address), or 0
     * @param mint         a bearer token for a reader's subject (for comments), called here for each commenter
     */
    public Mix(List<String> articles, PerVisit perVisit, Readers readers, int readerPool, double botShare,
               double abusiveShare, Function<String, String> mint) {
        if (articles.isEmpty()) {
            throw new IllegalArgumentException("no published article to send load to");
        }
        this.articles = List.copyOf(articles);
        double[] weights = perVisit.weights();
        double total = perVisit.total();
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }
        this.articleDraw = new Zipf(articles.size(), 1.1);
        this.readers = readers;
        this.readerPool = Math.max(1, readerPool);
        this.botShare = botShare;
        this.abusiveShare = abusiveShare;
        int commenters = readers == Readers.RETURNING ? Math.min(COMMENTERS, this.readerPool) : COMMENTERS;
        this.tokens = new String[perVisit.commentPosts() > 0 ? commenters : 0];
        for (int commenter = 0; commenter < tokens.length; commenter++) {
            tokens[commenter] = mint.apply(commenterId(commenter));
        }
    }

    /** A source of requests for one connection: its own random numbers, so connections need no lock. */
    public RequestSource source(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return () -> next(random);
    }

    /** The next request of one connection; called on that connection's thread only. */
    @FunctionalInterface
    public interface RequestSource {
        Planned next();
    }

    Planned next(SplittableRandom random) {
        if (abusiveShare > 0 && random.nextDouble() < abusiveShare) {
            return new Planned(Kind.ABUSIVE, "/api/articles/" + article(random) + "/views",
                    "{\"readerId\":\"abusive-client\"}", browser(0), ABUSIVE_ADDRESS, null);
        }
        Kind kind = kind(random);
        String article = article(random);
        boolean bot = (kind == Kind.VIEW || kind == Kind.PAGE_ARTICLE) && random.nextDouble() < botShare;
        long reader = reader(random);
        String address = bot ? botAddress(random) : address(reader);
        String agent = bot ? BOTS[random.nextInt(BOTS.length)] : browser(reader);
        return switch (kind) {
            case PAGE_ARTICLE -> new Planned(kind, "/api/pages/article/" + article, null, agent, address, null);
            case PAGE_HOME -> new Planned(kind, "/api/pages/home", null, agent, address, null);
            case ARTICLE -> new Planned(kind, "/api/articles/" + article, null, agent, address, null);
            case COMMENTS -> new Planned(kind, "/api/articles/" + article + "/comments?limit=20", null, agent, address,
                    null);
            case RANKING -> new Planned(kind, "/api/rankings/popular-now?section="
                    + SECTIONS[random.nextInt(SECTIONS.length)].replace(" ", "%20") + "&limit=6", null, agent,
                    address, null);
            case VIEW -> new Planned(kind, "/api/articles/" + article + "/views",
                    bot ? "{}" : "{\"readerId\":\"" + readerId(reader) + "\"}", agent, address, null);
            case SHARE -> new Planned(kind, "/api/articles/" + article + "/shares",
                    "{\"channel\":\"" + CHANNELS[random.nextInt(CHANNELS.length)] + "\"}", agent, address, null);
            case COMMENT -> {
                int commenter = random.nextInt(tokens.length);
                long author = readers == Readers.RETURNING ? commenter : reader; // a returning commenter is a reader
                yield new Planned(kind, "/api/articles/" + article + "/comments",
                        "{\"text\":\"" + COMMENTS[random.nextInt(COMMENTS.length)] + "\"}", browser(author),
                        address(author), tokens[commenter]);
            }
            case ABUSIVE -> throw new IllegalStateException("drawn above");
        };
    }

    private Kind kind(SplittableRandom random) {
        double draw = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return KINDS[i];
            }
        }
        return KINDS[KINDS.length - 1];
    }

    private String article(SplittableRandom random) {
        return articles.get(articleDraw.sample(random));
    }

    private long reader(SplittableRandom random) {
        return readers == Readers.NEW_PER_REQUEST ? newReaders.getAndIncrement() : random.nextInt(readerPool);
    }

    private String readerId(long reader) {
        return (readers == Readers.NEW_PER_REQUEST ? "new-reader-" : "sim-reader-") + reader;
    }

    /** A commenter is one of the returning readers, or of its own among new readers. */
    private String commenterId(long commenter) {
        return readers == Readers.RETURNING ? readerId(commenter) : "bench-commenter-" + commenter;
    }

    /**
     * Returning readers keep one address of 198.18.0.0/15 (RFC 2544's benchmarking range); new readers each get the
     * next address of 10.0.0.0/8; per-client limits and reader hashes then behave as with real readers.
     */
    private String address(long reader) {
        if (readers == Readers.NEW_PER_REQUEST) {
            long n = reader & 0xFFFFFF;
            return "10." + (n >> 16) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
        }
        long n = reader % 131_072;
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }

    private static String botAddress(SplittableRandom random) {
        return "66.249." + random.nextInt(64, 96) + "." + random.nextInt(1, 255);
    }

    /**
     * A browser User-Agent of the reader's own: article-service knows a reader who is not signed in by the network
     * (/24) and User-Agent alone (a body's reader id names nobody), and simulated readers share networks.
     */
    private static String browser(long reader) {
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 sim/"
                + reader;
    }

    /** Zipf(s) over ranks 0..n-1 by inverse transform on the cumulative weights. */
    public static final class Zipf {
        private final double[] cumulative;

        public Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 1; k <= n; k++) {
                sum += 1.0 / Math.pow(k, s);
                cumulative[k - 1] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        public int sample(SplittableRandom random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
        }
    }
}
