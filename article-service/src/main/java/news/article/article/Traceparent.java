package news.article.article;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** The W3C trace context of the request, passed on to the events it causes when it is well-formed. */
final class Traceparent {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traceparent() {
    }

    static String of(HttpServletRequest request) {
        String value = request.getHeader("traceparent");
        return value != null && FORM.matcher(value).matches() ? value : null;
    }
}
