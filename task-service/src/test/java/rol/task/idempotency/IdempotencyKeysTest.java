package rol.task.idempotency;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of Idempotency-Key, without Quarkus. */
class IdempotencyKeysTest {

    @Test
    void aUuidOrAClientsOwnSchemeIsAKeyButBlanksSpacesAndHugeOnesAreNot() {
        assertTrue(IdempotencyKeys.valid("0b6c1f3e-6d1a-4a53-9d0f-2f4a8c0f9e11"));
        assertTrue(IdempotencyKeys.valid("progress:2026-12-05.1"));
        assertFalse(IdempotencyKeys.valid(null));
        assertFalse(IdempotencyKeys.valid(""));
        assertFalse(IdempotencyKeys.valid("两个 字"));
        assertFalse(IdempotencyKeys.valid("a".repeat(IdempotencyKeys.MAX_LENGTH + 1)));
        assertTrue(IdempotencyKeys.valid("a".repeat(IdempotencyKeys.MAX_LENGTH)));
    }

    @Test
    void theSameOperationWithTheSameArgumentsHasTheSameFingerprint() {
        String a = IdempotencyKeys.fingerprint("TaskResource.progress", "[\"t1\",null,{\"percent\":40}]");
        assertEquals(a, IdempotencyKeys.fingerprint("TaskResource.progress", "[\"t1\",null,{\"percent\":40}]"));
        assertNotEquals(a, IdempotencyKeys.fingerprint("TaskResource.progress", "[\"t1\",null,{\"percent\":50}]"));
        assertNotEquals(a, IdempotencyKeys.fingerprint("TaskResource.submit", "[\"t1\",null,{\"percent\":40}]"));
        // the separator keeps operation and arguments apart
        assertNotEquals(IdempotencyKeys.fingerprint("ab", "c"), IdempotencyKeys.fingerprint("a", "bc"));
    }

    @Test
    void aNewKeyRunsTheSameRequestReplaysAnotherIsRefused() {
        IdempotencyKeys.Stored first = new IdempotencyKeys.Stored("f1", 200, "{}", Map.of("ETag", "\"3\""));
        assertInstanceOf(IdempotencyKeys.Execute.class, IdempotencyKeys.decide(Optional.empty(), "f1"));
        IdempotencyKeys.Outcome again = IdempotencyKeys.decide(Optional.of(first), "f1");
        assertEquals(first, ((IdempotencyKeys.Replay) again).first());
        assertInstanceOf(IdempotencyKeys.Reused.class, IdempotencyKeys.decide(Optional.of(first), "f2"));
    }
}
