package news.article.article;

import java.util.ArrayList;
import java.util.List;

/**
 * The version a client based its change on, from {@code If-Match} (an ETag as this service hands out, e.g.
 * {@code "3"}) and/or a {@code version} field in the body. A change based on anything but the current version is
 * refused, so that nobody overwrites a change they have not seen.
 */
record ExpectedVersion(List<Long> ifMatch, boolean anyMatch, Long bodyVersion) {

    static final ExpectedVersion NONE = new ExpectedVersion(List.of(), false, null);

    /**
     * @throws IllegalArgumentException when the header holds something other than ETags of versions or {@code *}
     */
    static ExpectedVersion of(String ifMatchHeader, Long bodyVersion) {
        if (ifMatchHeader == null || ifMatchHeader.isBlank()) {
            return new ExpectedVersion(List.of(), false, bodyVersion);
        }
        if (ifMatchHeader.strip().equals("*")) {
            return new ExpectedVersion(List.of(), true, bodyVersion);
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : ifMatchHeader.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("If-Match must carry the article's ETag, e.g. \"3\"; got " + tag.strip());
            }
            versions.add(Long.parseLong(value));
        }
        return new ExpectedVersion(List.copyOf(versions), false, bodyVersion);
    }

    boolean given() {
        return !ifMatch.isEmpty() || anyMatch || bodyVersion != null;
    }

    boolean ifMatchFails(long current) {
        return !ifMatch.isEmpty() && !ifMatch.contains(current);
    }

    boolean bodyVersionFails(long current) {
        return bodyVersion != null && bodyVersion != current;
    }
}
