package news.systemtests;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared stack when the JUnit launcher session ends, after every engine (Jupiter and jqwik) ran, even when
 * tests failed. Registered in {@code META-INF/services}.
 */
public class StackSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Figures.write();
        SystemStack.stopIfStarted();
    }
}
