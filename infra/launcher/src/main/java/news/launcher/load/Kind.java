package news.launcher.load;

/** What a request of the load is, for the report: one row each, in this order. */
public enum Kind {
    PAGE_ARTICLE("GET  /api/pages/article/{id}"),
    PAGE_HOME("GET  /api/pages/home"),
    ARTICLE("GET  /api/articles/{id}"),
    COMMENTS("GET  /api/articles/{id}/comments"),
    RANKING("GET  /api/rankings/popular-now"),
    VIEW("POST /api/articles/{id}/views"),
    SHARE("POST /api/articles/{id}/shares"),
    COMMENT("POST /api/articles/{id}/comments"),
    ABUSIVE("POST views, one abusive client");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
