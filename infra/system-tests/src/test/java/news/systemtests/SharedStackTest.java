package news.systemtests;

import org.junit.jupiter.api.BeforeAll;

/**
 * A system test against the one stack every system test shares: the first to run starts it
 * ({@link SystemStack#shared()}), the others find it running, and a stack that could not start fails each of them.
 */
abstract class SharedStackTest {

    static SystemStack stack;

    @BeforeAll
    static void sharedStack() {
        stack = SystemStack.shared();
    }
}
