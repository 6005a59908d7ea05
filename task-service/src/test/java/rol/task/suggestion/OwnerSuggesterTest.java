package rol.task.suggestion;

import org.junit.jupiter.api.Test;
import rol.task.suggestion.OwnerSuggestion.Owner;
import rol.task.suggestion.OwnerSuggestion.Rule;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnerSuggesterTest {

    static final OwnerSuggester SUGGESTER = new OwnerSuggester(DepartmentDirectoryTest.LICHENG);
    static final String JUDICIAL_BUREAU = "泉州市鲤城区司法局";
    static final String DISTRICT_GOVERNMENT = "泉州市鲤城区人民政府";

    private static void assertOwner(Owner owner, String id, Rule rule, String words) {
        assertEquals(id, owner.departmentId(), owner.toString());
        assertEquals(rule, owner.rule(), owner.toString());
        assertEquals(words, owner.words(), owner.toString());
        assertTrue(owner.reason().contains(words), owner.reason());
    }

    @Test
    void aDepartmentJoinedWithLianheIsACoDepartmentAndTheKeywordDecidesTheLead() {
        OwnerSuggestion s = SUGGESTER.suggest("联合区检察院开展社区矫正对象就业帮扶", JUDICIAL_BUREAU);
        assertOwner(s.lead(), "judicial-bureau", Rule.KEYWORD, "社区矫正");
        assertEquals(1, s.coDepartments().size());
        assertOwner(s.coDepartments().get(0), "procuratorate", Rule.NAMED_AS_CO, "联合区检察院");
    }

    @Test
    void aDepartmentNamedAsLeadLeadsAndTheEnumerationAfterHuitongSupports() {
        OwnerSuggestion s = SUGGESTER.suggest("由区市场监管局牵头，会同区公安分局、区卫健局开展食品安全专项整治", DISTRICT_GOVERNMENT);
        assertOwner(s.lead(), "market-regulation", Rule.NAMED_AS_LEAD, "由区市场监管局牵头");
        assertEquals(List.of("public-security", "health"), s.coDepartmentIds());
        assertOwner(s.coDepartments().get(0), "public-security", Rule.NAMED_AS_CO, "会同区公安分局");
        assertOwner(s.coDepartments().get(1), "health", Rule.NAMED_AS_CO, "会同区公安分局、区卫健局");
    }

    @Test
    void aMarkerAfterAnEnumerationMarksAllItsMembers() {
        OwnerSuggestion s = SUGGESTER.suggest("区教育局负责，区司法局、区公安分局配合开展青少年法治教育", DISTRICT_GOVERNMENT);
        assertOwner(s.lead(), "education", Rule.NAMED_AS_LEAD, "区教育局负责");
        assertEquals(List.of("judicial-bureau", "public-security"), s.coDepartmentIds());
        assertOwner(s.coDepartments().get(0), "judicial-bureau", Rule.NAMED_AS_CO, "区司法局、区公安分局配合");
    }

    @Test
    void whenSeveralDepartmentsAreNamedWithoutMarkersTheFirstLeads() {
        OwnerSuggestion s = SUGGESTER.suggest("区城市管理和综合执法局、开元街道开展占道经营整治", JUDICIAL_BUREAU);
        assertOwner(s.lead(), "urban-management", Rule.NAMED, "区城市管理和综合执法局");
        assertOwner(s.coDepartments().get(0), "kaiyuan-subdistrict", Rule.NAMED, "开元街道");
    }

    @Test
    void aNamedDepartmentBeatsAKeywordAndAKeywordBeatsTheIssuer() {
        assertOwner(SUGGESTER.suggest("区民政局加强社区矫正对象困难帮扶", JUDICIAL_BUREAU).lead(),
                "civil-affairs", Rule.NAMED, "区民政局");
        assertOwner(SUGGESTER.suggest("深化综合行政执法改革", JUDICIAL_BUREAU).lead(),
                "urban-management", Rule.KEYWORD, "综合行政执法");
        assertOwner(SUGGESTER.suggest("加强干部队伍作风建设", JUDICIAL_BUREAU).lead(),
                "judicial-bureau", Rule.ISSUER, JUDICIAL_BUREAU);
    }

    @Test
    void aKeywordOfASubUnitSuggestsItsDepartmentAndSaysWhy() {
        Owner lead = SUGGESTER.suggest("扎实推进行政复议规范化建设", DISTRICT_GOVERNMENT).lead();
        assertOwner(lead, "judicial-bureau", Rule.KEYWORD, "行政复议");
        assertTrue(lead.reason().contains("行政复议科"), lead.reason());
    }

    @Test
    void aSubUnitNamedInTheTextStandsForItsDepartment() {
        Owner lead = SUGGESTER.suggest("推广开元司法所行政执法协调监督试点经验", DISTRICT_GOVERNMENT).lead();
        assertOwner(lead, "judicial-bureau", Rule.NAMED, "开元司法所");
        assertTrue(lead.reason().contains("part of 区司法局"), lead.reason());
    }

    @Test
    void noRuleNoSuggestion() {
        OwnerSuggestion s = SUGGESTER.suggest("加强干部队伍作风建设", DISTRICT_GOVERNMENT);
        assertNull(s.lead(), "the district government is not a department tasks go to");
        assertTrue(s.leadIfAny().isEmpty());
        assertEquals(List.of(), s.coDepartments());
        assertNull(SUGGESTER.suggest("加强干部队伍作风建设", "福州市鼓楼区司法局").lead(), "another district's bureau is not ours");
        assertNull(SUGGESTER.suggest("", null).lead());
    }

    @Test
    void aKeywordOfASupportingDepartmentDoesNotMakeItLead() {
        OwnerSuggestion s = SUGGESTER.suggest("聯合區檢察院開展公益訴訟", "鯉城區司法局");
        assertOwner(s.lead(), "judicial-bureau", Rule.ISSUER, "鯉城區司法局");
        assertOwner(s.coDepartments().get(0), "procuratorate", Rule.NAMED_AS_CO, "联合区检察院");
    }

    @Test
    void theIssuerMayBeADirectoryId() {
        assertOwner(SUGGESTER.suggest("加强干部队伍作风建设", "kaiyuan-subdistrict").lead(),
                "kaiyuan-subdistrict", Rule.ISSUER, "kaiyuan-subdistrict");
    }

    @Test
    void aDepartmentNamedTwiceIsSuggestedOnce() {
        OwnerSuggestion s = SUGGESTER.suggest("区司法局会同区检察院建立衔接机制，区检察院定期通报，区司法局负责汇总", JUDICIAL_BUREAU);
        assertOwner(s.lead(), "judicial-bureau", Rule.NAMED_AS_LEAD, "区司法局负责");
        assertEquals(List.of("procuratorate"), s.coDepartmentIds());
    }
}
