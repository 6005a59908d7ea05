package rol.notification.department;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DepartmentNamesTest {

    private final DepartmentNames names = new DepartmentNames(Map.of("judicial-bureau", "泉州市鲤城区司法局",
            "market-regulation", "泉州市鲤城区市场监督管理局"));

    @Test
    void aKnownDepartmentIsNamed() {
        assertEquals("泉州市鲤城区司法局", names.of("judicial-bureau"));
    }

    @Test
    void aDepartmentWithoutANameYetShowsItsId() {
        assertEquals("kaiyuan-subdistrict", names.of("kaiyuan-subdistrict"));
        assertEquals("judicial-bureau", DepartmentNames.NONE.of("judicial-bureau"));
        assertNull(names.of(null));
    }

    @Test
    void severalAreAChineseList() {
        assertEquals("泉州市鲤城区市场监督管理局、kaiyuan-subdistrict、泉州市鲤城区司法局",
                names.list(Arrays.asList("market-regulation", "kaiyuan-subdistrict", null, "judicial-bureau")));
        assertEquals("", names.list(List.of()));
    }
}
