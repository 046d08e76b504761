package news.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import news.launcher.ManagedProcess;

/**
 * The processes a test class starts, stopped after its last test, the last started first (each given 20 s to end
 * before it is killed). Held in a {@code @RegisterExtension} field of a test class whose instance lives for all its
 * tests ({@code @TestInstance(PER_CLASS)}).
 */
public final class StartedProcesses implements AfterAllCallback, Iterable<ManagedProcess> {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final List<ManagedProcess> started = new ArrayList<>();

    /** Remembers {@code process}, started or about to be, to stop it after the class's tests. */
    public ManagedProcess add(ManagedProcess process) {
        started.add(process);
        return process;
    }

    @Override
    public Iterator<ManagedProcess> iterator() {
        return List.copyOf(started).iterator();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ManagedProcess.stopAll(started, GRACE);
    }
}
