package news.kit.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an untrustworthy token setting as Boot's "APPLICATION FAILED TO START" report, setting first. */
class UntrustworthySettingsFailureAnalyzer extends AbstractFailureAnalyzer<UntrustworthySettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UntrustworthySettingsException cause) {
        return new FailureAnalysis("Bearer-token trust is not configured safely (" + cause.setting() + "): "
                + cause.getMessage(), cause.action(), cause);
    }
}
