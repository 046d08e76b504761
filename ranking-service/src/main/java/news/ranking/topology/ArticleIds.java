package news.ranking.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Article ids as small numbers, for tables that would otherwise hold a string per entry. Per task, in memory. */
final class ArticleIds {

    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    int number(String articleId) {
        Integer number = numbers.get(articleId);
        if (number == null) {
            number = ids.size();
            numbers.put(articleId, number);
            ids.add(articleId);
        }
        return number;
    }

    String id(int number) {
        return ids.get(number);
    }
}
