package news.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Disables a test that needs Testcontainers on a machine without Docker, saying why. */
class InfrastructureAvailableCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        InfrastructureMode mode = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, UseNewsInfrastructure.class))
                .map(a -> a.value().resolve())
                .orElse(InfrastructureMode.EMBEDDED);
        if (mode == InfrastructureMode.CONTAINERS && !TestInfrastructure.dockerAvailable()) {
            return ConditionEvaluationResult.disabled(
                    "Testcontainers mode needs a Docker engine and none is reachable here");
        }
        return ConditionEvaluationResult.enabled("infrastructure mode " + mode);
    }
}
