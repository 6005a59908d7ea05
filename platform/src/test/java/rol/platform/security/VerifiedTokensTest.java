package rol.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerifiedTokensTest {

    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3);

    @Test
    void aTokenIsKeptUntilItsExpiryAndNotASecondLonger() {
        tokens.put("a.b.c", "office1", 1_000, 900);
        assertEquals(Optional.of("office1"), tokens.get("a.b.c", 900));
        assertEquals(Optional.of("office1"), tokens.get("a.b.c", 999));
        assertEquals(Optional.empty(), tokens.get("a.b.c", 1_000));
        assertEquals(0, tokens.size(), "an expired token found on a lookup is dropped");
    }

    @Test
    void onlyTheExactTokenTextIsAHit() {
        tokens.put("a.b.c", "office1", 1_000, 900);
        assertEquals(Optional.empty(), tokens.get("a.b.d", 900), "another signature");
        assertEquals(Optional.empty(), tokens.get("a.x.c", 900), "other claims");
        assertEquals(Optional.empty(), tokens.get("a.b.c ", 900));
    }

    @Test
    void aTokenAlreadyExpiredIsNotKept() {
        tokens.put("a.b.c", "office1", 900, 900);
        assertEquals(0, tokens.size());
        assertEquals(Optional.empty(), tokens.get("a.b.c", 800));
    }

    @Test
    void atCapacityExpiredTokensGoFirst() {
        tokens.put("t1", "1", 950, 900);
        tokens.put("t2", "2", 2_000, 900);
        tokens.put("t3", "3", 2_000, 900);
        tokens.put("t4", "4", 2_000, 960); // t1 has expired by now and makes room
        assertEquals(3, tokens.size());
        assertEquals(Optional.of("2"), tokens.get("t2", 960));
        assertEquals(Optional.of("4"), tokens.get("t4", 960));
    }

    @Test
    void atCapacityWithEveryTokenLiveTheCacheStartsAgain() {
        tokens.put("t1", "1", 2_000, 900);
        tokens.put("t2", "2", 2_000, 900);
        tokens.put("t3", "3", 2_000, 900);
        tokens.put("t4", "4", 2_000, 900);
        assertEquals(1, tokens.size());
        assertEquals(Optional.empty(), tokens.get("t1", 900), "dropped: verified again on its next use");
        assertEquals(Optional.of("4"), tokens.get("t4", 900));
    }

    @Test
    void replacingAKeptTokenDoesNotEvictOthers() {
        tokens.put("t1", "1", 2_000, 900);
        tokens.put("t2", "2", 2_000, 900);
        tokens.put("t3", "3", 2_000, 900);
        tokens.put("t3", "3", 2_000, 901);
        assertEquals(3, tokens.size());
    }
}
