package rol.task.departments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rol.platform.problem.ProblemException;
import rol.platform.problem.Violations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contact's rules in plain Java: the numbers and addresses offices write, and what is not one. */
class UnitContactTest {

    @ParameterizedTest
    @ValueSource(strings = {"0595-22561234", "059522561234", "0595 2256 1234", "(0595)22561234", "010-62345678",
            "22561234", "0595-22561234转801", "0595-22561234-801", "0595-22561234 ext.801", "0595-22561234#8",
            "13812345678", "138-1234-5678", "138 1234 5678", "+86 13812345678", "19912345678"})
    void numbersOfficesWriteArePhones(String phone) {
        assertTrue(UnitContact.isPhone(phone), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "0595-123", "1381234567", "138123456789", "12812345678", "0595-0000 0001",
            "电话13812345678", "13812345678、13912345678", "0595-22561234转", "0595-22561234转1234567", "abc",
            "0595--22561234", "+1 2025550123"})
    void otherTextIsNot(String phone) {
        assertFalse(UnitContact.isPhone(phone), phone);
    }

    @Test
    void emails() {
        assertTrue(UnitContact.isEmail("fzb@licheng.gov.cn"));
        assertTrue(UnitContact.isEmail("li.ming+duban@qq.com"));
        for (String bad : new String[]{"fzb@", "@licheng.gov.cn", "fzb@licheng", "a b@licheng.gov.cn", "fzb@@x.cn",
                "fzb@-x.cn", "法治办@licheng.gov.cn"}) {
            assertFalse(UnitContact.isEmail(bad), bad);
        }
    }

    @Test
    void noContactAtAllIsNull() {
        Violations v = new Violations();
        assertNull(UnitContact.read(v, null, " ", "", null));
        assertTrue(v.isEmpty());
    }

    @Test
    void anyPartNeedsANameAndAPhone() {
        Violations v = new Violations();
        assertNull(UnitContact.read(v, null, null, "fzb@licheng.gov.cn", null));
        ProblemException e = assertThrows(ProblemException.class, v::throwIfAny);
        assertEquals(400, e.problem().status());
        assertEquals(java.util.List.of("contactName", "contactPhone"),
                e.problem().errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void valuesAreKeptAsWrittenWithoutTheSurroundingSpace() {
        Violations v = new Violations();
        UnitContact c = UnitContact.read(v, " 张三 ", "0595 2256 1234转801 ", null, "某某路1号");
        assertTrue(v.isEmpty());
        assertEquals(new UnitContact("张三", "0595 2256 1234转801", null, "某某路1号"), c);
    }

    @Test
    void aTooLongPhoneIsToldOnceNotTwice() {
        Violations v = new Violations();
        UnitContact.read(v, "张三", "1".repeat(41), null, null);
        ProblemException e = assertThrows(ProblemException.class, v::throwIfAny);
        assertEquals(1, e.problem().errors().size());
        assertTrue(e.problem().errors().get(0).message().contains("40"), e.problem().errors().get(0).message());
    }
}
