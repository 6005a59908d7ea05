package rol.task.suggestion;

import org.junit.jupiter.api.Test;
import rol.task.suggestion.DepartmentDirectory.Mention;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepartmentDirectoryTest {

    static final DepartmentDirectory LICHENG = DepartmentDirectory.forDistrict("licheng");

    private static List<String> ids(String text) {
        return LICHENG.mentions(text).stream().map(m -> m.department().id()).toList();
    }

    @Test
    void findsADepartmentByIdAndByAnyOfItsNames() {
        assertEquals("区司法局", LICHENG.byId("judicial-bureau").orElseThrow().displayName());
        assertEquals("market-regulation", LICHENG.byName("区市监局").orElseThrow().id());
        assertEquals("judicial-bureau", LICHENG.byName("泉州市鲤城区司法局").orElseThrow().id());
        assertEquals("judicial-bureau", LICHENG.byName("鯉城區司法局").orElseThrow().id(), "traditional characters");
        assertEquals("kaiyuan-subdistrict", LICHENG.byName("开元街道办事处").orElseThrow().id());
        assertTrue(LICHENG.byName("鼓楼区司法局").isEmpty());
    }

    @Test
    void theLongestNameWins() {
        List<Mention> found = LICHENG.mentions("请区司法局行政复议科会同区司法局办理");
        assertEquals(List.of("administrative-review-section", "judicial-bureau"), found.stream().map(m -> m.department().id()).toList());
        assertEquals("区司法局行政复议科", found.get(0).words());
        assertEquals("judicial-bureau", LICHENG.dispatchUnit(found.get(0).department()).id());
        assertEquals(List.of("market-regulation"), ids("泉州市鲤城区市场监督管理局"));
    }

    @Test
    void aGenericNameInsideAnotherOrgansNameIsNotOurs() {
        assertEquals(List.of(), ids("与省司法厅、市司法局共建法治文化街区"));
        assertEquals(List.of(), ids("福州市鼓楼区司法局"));
        assertEquals(List.of("court"), ids("与丰泽法院、鲤城法院共同成立协同化解中心"));
        assertEquals(List.of(), ids("被公安部列入典型案例"));
    }

    @Test
    void aGenericNameCountsWhereItStartsAWord() {
        assertEquals(List.of("procuratorate"), ids("联合区检察院印发工作制度"));
        assertEquals(List.of("court"), ids("对接区人民法院金融调处中心"));
        assertEquals(List.of("court"), ids("探索与法院协作化解行政争议"));
        assertEquals(List.of("judicial-bureau"), ids("区司法局：加强普法"));
        assertEquals(List.of("procuratorate"), ids("常态化沟通联系市、区检察院"));
    }

    @Test
    void aNameWithOneOfTheDistrictsPlacesCountsAnywhere() {
        assertEquals(List.of("kaiyuan-judicial-office"), ids("鲤城区开元司法所被确立为政府立法基层联系点"));
        assertEquals(List.of("jiangnan-subdistrict"), ids("建设江南街道标准化应急管理站"));
    }

    @Test
    void traditionalTextIsMatchedInItsSimplifiedForm() {
        List<Mention> found = LICHENG.mentions("聯合區檢察院印發《值班律師參與認罪認罰刑事案件工作制度》");
        assertEquals("procuratorate", found.get(0).department().id());
        assertEquals("区检察院", found.get(0).words());
        assertEquals(List.of("court"), ids("與豐澤法院、鯉城法院共同成立"));
    }

    @Test
    void keywordsAreFoundOutsideNames() {
        List<DepartmentDirectory.KeywordHit> hits = LICHENG.keywords("扎实推进行政复议规范化建设，加强社区矫正");
        assertEquals(List.of("行政复议", "社区矫正"), hits.stream().map(DepartmentDirectory.KeywordHit::keyword).toList());
        assertEquals("administrative-review-section", hits.get(0).department().id());
        // 司法所 is a keyword, but inside the name 开元司法所 it is the name that counts
        assertEquals(List.of(), LICHENG.keywords("开元司法所"));
    }
}
