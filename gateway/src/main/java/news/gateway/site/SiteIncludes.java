package news.gateway.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts one page of the site together from its file and the shared parts it names, once, when the page is read: a
 * line {@code <!--#include NAME key="value" ...-->} stands for the file {@code parts/NAME.html}, whose
 * {@code {{key}}} placeholders take the values given. A part may include other parts, passing its own values on. A
 * value named {@code current} marks the part's link to that address as the page the reader is on
 * ({@code aria-current="page"}): the newsroom's menu says so on each of its pages.
 * <p>
 * So the head, the masthead with the account, the headline boxes and the newsroom's menu and dialog are written once,
 * while the browser still gets plain HTML with no marker left (nothing runs per request, and the Content-Security-Policy
 * needs no inline script). A part that is missing, a placeholder without a value, a value no part uses or a marker
 * that is not a whole line of this form stop the gateway's start, naming the file.
 */
final class SiteIncludes {

    private static final Pattern INCLUDE = Pattern.compile(
            "^[ \\t]*<!--#include ([a-z-]+)((?: [a-z-]+=\"[^\"]*\")*) -->(?:\\r?\\n|\\z)", Pattern.MULTILINE);
    private static final Pattern VALUE = Pattern.compile(" ([a-z-]+)=\"([^\"]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");
    private static final String CURRENT = "current";
    /** Deeper than any real page goes; a part that includes itself, directly or not, ends here. */
    private static final int DEEPEST = 8;

    private final Function<String, String> files;

    /** {@code files} gives the text of a file named relative to the site's folder, or null when there is none. */
    SiteIncludes(Function<String, String> files) {
        this.files = files;
    }

    /** The page {@code name} as the browser gets it. */
    String page(String name) {
        String html = expand(read(name, name), name, 0);
        if (html.contains("<!--#") || PLACEHOLDER.matcher(html).find()) {
            throw new IllegalStateException(name + " has an include marker or a {{placeholder}} left after its parts"
                    + " were put in: a marker stands alone on its line as <!--#include NAME key=\"value\" -->");
        }
        return html;
    }

    private String expand(String text, String file, int depth) {
        Matcher include = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (include.find()) {
            String part = "parts/" + include.group(1) + ".html";
            if (depth == DEEPEST) {
                throw new IllegalStateException(file + " includes " + part + " " + DEEPEST
                        + " parts deep: a part includes itself");
            }
            Map<String, String> values = values(include.group(2));
            String filled = fill(read(part, file), part, file, values);
            include.appendReplacement(out, Matcher.quoteReplacement(expand(filled, part, depth + 1)));
        }
        include.appendTail(out);
        return out.toString();
    }

    private static String fill(String text, String part, String includer, Map<String, String> values) {
        Map<String, String> unused = new LinkedHashMap<>(values);
        String current = unused.remove(CURRENT);
        if (current != null) {
            text = markCurrent(text, current, part, includer);
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String key = placeholder.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalStateException(part + " needs a value for {{" + key + "}}, which " + includer
                        + " does not give in its include marker");
            }
            unused.remove(key);
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        if (!unused.isEmpty()) {
            throw new IllegalStateException(includer + " gives " + part + " " + unused.keySet()
                    + ", which it has no placeholder for");
        }
        return out.toString();
    }

    private static String markCurrent(String text, String address, String part, String includer) {
        String link = "<a href=\"" + address + "\">";
        int at = text.indexOf(link);
        if (at < 0 || text.indexOf(link, at + 1) >= 0) {
            throw new IllegalStateException(includer + " names " + address + " as current, but " + part
                    + " does not have exactly one link " + link);
        }
        return text.replace(link, "<a href=\"" + address + "\" aria-current=\"page\">");
    }

    private static Map<String, String> values(String attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher value = VALUE.matcher(attributes);
        while (value.find()) {
            values.put(value.group(1), value.group(2));
        }
        return values;
    }

    private String read(String name, String includer) {
        String text = files.apply(name);
        if (text == null) {
            throw new IllegalStateException(name.equals(includer) ? name + " is missing"
                    : includer + " includes " + name + ", which is missing");
        }
        return text;
    }
}
