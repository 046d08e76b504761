package news.kit.security;

/** A service's token settings would accept tokens it must refuse; {@link #setting()} names what to fix. */
public class UntrustworthySettingsException extends IllegalStateException {

    private final String setting;
    private final String action;

    UntrustworthySettingsException(String setting, String problem, String action) {
        super(problem + " " + action);
        this.setting = setting;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String action() {
        return action;
    }
}
