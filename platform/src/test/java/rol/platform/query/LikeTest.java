package rol.platform.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LikeTest {

    @Test
    void wildcardsAndTheEscapeAreTakenAsCharacters() {
        assertEquals("%100\\%%", Like.containing("100%"));
        assertEquals("%复议\\_应诉%", Like.containing("复议_应诉"));
        assertEquals("%a\\\\b%", Like.containing("a\\b"));
        assertEquals("%普法%", Like.containing("普法"));
    }
}
