package news.article.article;

import java.util.List;
import java.util.Optional;

import news.kit.Sections;

/** The parameters every article list shares: the section and the page size. */
final class ListParameters {

    private ListParameters() {
    }

    /** The configured spelling of {@code value}, or empty for every section (absent, blank or {@code all}). */
    static Optional<String> section(String value, Sections sections, List<Violation> violations) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("all")) {
            return Optional.empty();
        }
        Optional<String> canonical = sections.canonical(value);
        if (canonical.isEmpty()) {
            violations.add(new Violation("section", "is not a section of the site; use one of "
                    + String.join(", ", sections.sections()) + " (or leave it out for all)"));
        }
        return canonical;
    }

    static int limit(Integer value, ArticleProperties properties, List<Violation> violations) {
        int size = value == null ? properties.defaultPageSize() : value;
        if (size < 1 || size > properties.maxPageSize()) {
            violations.add(new Violation("limit", "must be between 1 and " + properties.maxPageSize()));
        }
        return size;
    }

    /** The cursor of {@code scope}'s list, or empty for the first page. */
    static Optional<Cursor> cursor(String value, String scope, List<Violation> violations) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cursor> cursor = Cursor.decode(value);
        if (cursor.isEmpty()) {
            violations.add(new Violation("cursor", "is not a cursor this service handed out; "
                    + "use the 'next' value of the previous page"));
        } else if (!cursor.get().scope().equals(scope)) {
            violations.add(new Violation("cursor", "belongs to another list or to a query with other parameters;"
                    + " page on with the 'next' value of this list, asked with the same parameters"));
            return Optional.empty();
        }
        return cursor;
    }
}
