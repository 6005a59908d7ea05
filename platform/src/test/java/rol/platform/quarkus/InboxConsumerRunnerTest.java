package rol.platform.quarkus;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait between tries of the inbox consumer: it gives way to a stop and leaves the stop visible. */
class InboxConsumerRunnerTest {

    @Test
    void anInterruptedWaitEndsAndKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertFalse(InboxConsumerRunner.pause(Duration.ofSeconds(30)));
            assertTrue(Thread.currentThread().isInterrupted(), "the flag is restored");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anUninterruptedWaitGoesOn() {
        assertTrue(InboxConsumerRunner.pause(Duration.ofMillis(1)));
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
