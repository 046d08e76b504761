package news.observability;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression (or a Grafana {@code label_values(metric, label)} query) reads: identifiers
 * that are neither functions, aggregations, keywords nor label names. Label matchers, label lists of {@code by},
 * {@code without}, {@code on}, {@code ignoring}, {@code group_left/right}, ranges and strings are removed first.
 */
final class PromQl {

    private static final Set<String> WORDS = Set.of(
            // aggregations and keywords
            "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
            "group", "limitk", "limit_ratio", "by", "without", "on", "ignoring", "group_left", "group_right", "and",
            "or", "unless", "offset", "bool", "atan2", "inf", "nan",
            // functions
            "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "day_of_month",
            "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "histogram_quantile",
            "histogram_count", "histogram_sum", "histogram_fraction", "holt_winters", "hour", "idelta", "increase",
            "irate", "label_join", "label_replace", "ln", "log2", "log10", "minute", "month", "predict_linear", "rate",
            "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "time", "timestamp", "vector", "year",
            "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
            "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time",
            // Grafana's query functions
            "label_values", "query_result", "metrics", "label_names");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_VALUES_LABEL = Pattern.compile("(label_values\\s*\\([^,)]*),[^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*(?![\\w(])");
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("(?<![\\w.])\\d[\\d.]*[a-zA-Z]+");

    private PromQl() {
    }

    static Set<String> metrics(String expression) {
        String text = STRINGS.matcher(expression).replaceAll(" ");
        text = LABEL_VALUES_LABEL.matcher(text).replaceAll("$1)");
        text = MATCHERS.matcher(text).replaceAll(" ");
        text = LABEL_LISTS.matcher(text).replaceAll(" ");
        text = RANGES.matcher(text).replaceAll(" ");
        text = NUMBER_SUFFIX.matcher(text).replaceAll(" ");
        Set<String> metrics = new LinkedHashSet<>();
        Matcher matcher = IDENTIFIER.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            if (!WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                metrics.add(word);
            }
        }
        return metrics;
    }
}
