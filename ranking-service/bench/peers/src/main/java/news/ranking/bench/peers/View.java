package news.ranking.bench.peers;

import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One {@code news.article.viewed} payload as both peers read it: one pass of Jackson's streaming parser over the
 * fields Popular Now needs, as a team tuning a consumer would write it. A public no-argument class with public fields,
 * so that Flink serialises it with its POJO serialiser rather than Kryo.
 */
public class View {

    private static final JsonFactory JSON = new JsonFactory();

    public String articleId;
    public String section;
    public String readerHash;
    public boolean bot;
    public long viewedAt;

    public View() {
    }

    /** The view, or {@code null} for a payload that is not one (the peers skip it). */
    static View parse(byte[] value) {
        View view = new View();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                switch (name) {
                    case "articleId" -> view.articleId = p.getString();
                    case "section" -> view.section = p.getString();
                    case "readerHash" -> view.readerHash = p.getString();
                    case "agent" -> view.bot = "bot".equals(p.getString());
                    case "viewedAt" -> view.viewedAt = Instant.parse(p.getString()).toEpochMilli();
                    default -> p.skipChildren();
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return view.articleId == null || view.readerHash == null || view.section == null || view.viewedAt == 0 ? null
                : view;
    }
}
