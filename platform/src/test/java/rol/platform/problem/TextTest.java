package rol.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text with control characters is refused wherever it comes in: JSON members, checked fields. */
class TextTest {

    record Body(String title, List<String> names) {
    }

    @Test
    void tabsAndLineBreaksAreTextOtherControlCharactersAreNot() {
        assertFalse(Text.hasControlCharacter("第一行\n第二行\r\n\t缩进"));
        assertFalse(Text.hasControlCharacter(null));
        assertTrue(Text.hasControlCharacter("整改\u0000"));
        assertTrue(Text.hasControlCharacter("\u001b[31m"));
        assertTrue(Text.hasControlCharacter("\u007f"));
    }

    @Test
    void aJsonMemberWithANulByteIsRefusedNamingItsPath() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new JsonText().customize(mapper);
        assertEquals("标题", mapper.readValue("{\"title\": \"标题\", \"names\": [\"甲\"]}", Body.class).title());
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"title\": \"标题\", \"names\": [\"甲\", \"乙\\u0000\"]}", Body.class));
        assertTrue(e instanceof JsonText.ControlCharacterException, e.toString());
        assertEquals("names", e.getPath().get(0).getFieldName());
        assertEquals(1, e.getPath().get(1).getIndex());
        assertThrows(JsonText.ControlCharacterException.class,
                () -> mapper.readValue("{\"title\": \"\\u0000\"}", Body.class));
        assertEquals("甲", mapper.readValue("{\"a\": \"甲\"}", Map.class).get("a"));
    }

    @Test
    void aCheckedFieldWithAControlCharacterIsAViolation() {
        Violations v = new Violations();
        v.optional("reason", "材料\u0000不全", 100);
        ProblemException e = assertThrows(ProblemException.class, v::throwIfAny);
        assertEquals(Messages.text("field.control-character"), e.problem().errors().get(0).message());
    }
}
