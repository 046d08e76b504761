package news.comment.comment;

/** A request breaks one of the {@link Rule}s; the message says how, in words a client developer can act on. */
final class RuleViolation extends RuntimeException {

    private final Rule rule;

    RuleViolation(Rule rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }
}
