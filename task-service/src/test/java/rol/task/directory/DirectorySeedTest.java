package rol.task.directory;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectorySeedTest {

    private static DirectorySeed load(String yaml) {
        return DirectorySeed.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> problems(String yaml) {
        return assertThrows(InvalidSeedException.class, () -> load(yaml)).problems();
    }

    private static final String DISTRICT = """
            district: {id: testdistrict, name: 某市某区, prefixes: [某区], places: [某区]}
            """;

    @Test
    void lichengSeedHasTheDepartmentsTheRealmAndTheIssueName() {
        DirectorySeed seed = DirectorySeed.forDistrict("licheng");
        assertEquals("licheng", seed.district().id());
        Map<String, Department> byId = seed.departments().stream().collect(Collectors.toMap(Department::id, Function.identity()));
        assertTrue(byId.get("judicial-bureau").shortNames().contains("区司法局"));
        assertTrue(byId.get("market-regulation").shortNames().contains("区市场监管局"));
        assertTrue(byId.get("kaiyuan-subdistrict").shortNames().contains("开元街道"));
        for (String id : List.of("rule-of-law-office", "court", "procuratorate", "public-security", "administrative-review-section")) {
            assertTrue(byId.containsKey(id), id);
        }
        assertEquals(List.of("开元街道", "鲤中街道", "海滨街道", "临江街道", "浮桥街道", "金龙街道", "江南街道", "常泰街道"),
                seed.departments().stream().filter(d -> d.kind() == Department.Kind.SUBDISTRICT).map(Department::displayName).toList());
        assertEquals("judicial-bureau", byId.get("administrative-review-section").parent());
        assertTrue(byId.get("administrative-review-section").keywords().contains("行政复议"));
    }

    @Test
    void namesBeginningWithQuAreAlsoFoundWithTheDistrictsPrefixes() {
        DirectorySeed seed = DirectorySeed.forDistrict("licheng");
        Department judicial = seed.departments().stream().filter(d -> d.id().equals("judicial-bureau")).findFirst().orElseThrow();
        List<String> names = seed.namesOf(judicial);
        assertTrue(names.containsAll(List.of("泉州市鲤城区司法局", "区司法局", "鲤城区司法局", "鲤城司法局", "司法局")), names.toString());
    }

    @Test
    void aWellFormedSeedLoads() {
        DirectorySeed seed = load(DISTRICT + """
                units:
                  - {id: bureau-a, name: 某区甲局, kind: government, short: [区甲局], keywords: [甲事]}
                  - {id: section-a, name: 甲局一科, kind: unit, parent: bureau-a}
                """);
        assertEquals(2, seed.departments().size());
        assertEquals("bureau-a", seed.departments().get(1).parent());
        assertEquals(List.of("甲事"), seed.departments().get(0).keywords());
    }

    @Test
    void duplicateIdsAreRefused() {
        assertEquals(List.of("duplicate id bureau-a"), problems(DISTRICT + """
                units:
                  - {id: bureau-a, name: 某区甲局, kind: government}
                  - {id: bureau-a, name: 某区乙局, kind: government}
                """));
    }

    @Test
    void aParentMustExist() {
        assertEquals(List.of("section-a: parent bureau-x does not exist"), problems(DISTRICT + """
                units:
                  - {id: bureau-a, name: 某区甲局, kind: government}
                  - {id: section-a, name: 甲局一科, kind: unit, parent: bureau-x}
                """));
    }

    @Test
    void parentsMustNotFormACycle() {
        List<String> problems = problems(DISTRICT + """
                units:
                  - {id: section-a, name: 一科, kind: unit, parent: section-b}
                  - {id: section-b, name: 二科, kind: unit, parent: section-a}
                """);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("section-a: parents form a cycle"), problems.toString());
    }

    @Test
    void idsAreLowerCaseHyphen() {
        assertEquals(List.of("JudicialBureau: id is not lower-case-hyphen"), problems(DISTRICT + """
                units:
                  - {id: JudicialBureau, name: 某区甲局, kind: government}
                """));
        assertEquals(List.of("bureau--a: id is not lower-case-hyphen"), problems(DISTRICT + """
                units:
                  - {id: bureau--a, name: 某区甲局, kind: government}
                """));
    }

    @Test
    void aNameOrKeywordThatMeansTwoUnitsIsRefused() {
        assertEquals(List.of("name 甲局 belongs to both bureau-a and bureau-b"), problems(DISTRICT + """
                units:
                  - {id: bureau-a, name: 某区甲局, kind: government, short: [甲局]}
                  - {id: bureau-b, name: 某区乙局, kind: government, aliases: [甲局]}
                """));
        // 区甲局 expands to 某区甲局, the other unit's full name
        assertEquals(List.of("name 某区甲局 belongs to both bureau-a and bureau-b"), problems(DISTRICT + """
                units:
                  - {id: bureau-a, name: 某区甲局, kind: government}
                  - {id: bureau-b, name: 某区乙局, kind: government, short: [区甲局]}
                """));
        assertEquals(List.of("keyword 普法 belongs to both bureau-a and bureau-b"), problems(DISTRICT + """
                units:
                  - {id: bureau-a, name: 某区甲局, kind: government, keywords: [普法]}
                  - {id: bureau-b, name: 某区乙局, kind: government, keywords: [普法]}
                """));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        List<String> problems = problems(DISTRICT + """
                units:
                  - {id: bureau-a, kind: agency, colour: red}
                  - {id: section-a, name: 一科, kind: government, parent: bureau-a}
                  - just a string
                """);
        assertEquals(List.of("bureau-a: name is missing", "bureau-a: unknown kind agency", "bureau-a: unknown field colour",
                "units[2]: must be a mapping"), problems);
    }

    @Test
    void onlySubUnitsHaveParents() {
        assertEquals(List.of("section-a: sub-units (kind unit) and only they have a parent"), problems(DISTRICT + """
                units:
                  - {id: bureau-a, name: 某区甲局, kind: government}
                  - {id: section-a, name: 一科, kind: government, parent: bureau-a}
                """));
    }

    @Test
    void malformedFilesAreRefusedWithAReason() {
        assertTrue(problems("district: [unclosed").get(0).startsWith("not YAML"));
        assertEquals(List.of("the file must be a mapping with 'district' and 'units'"), problems("- a\n- b\n"));
        assertEquals(List.of("'units' must be a list"), problems(DISTRICT + "units: {id: x}\n"));
        assertEquals(List.of("district: id is missing", "district: name is missing", "'units' must be a list"),
                problems("district: {}\n"));
        // the safe constructor builds no objects a file names
        assertTrue(problems(DISTRICT + "units: !!java.util.Date []\n").get(0).startsWith("not YAML"));
    }

    @Test
    void aDistrictWithoutASeedIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> DirectorySeed.forDistrict("nowhere"));
        assertThrows(IllegalArgumentException.class, () -> DirectorySeed.forDistrict("../etc"));
    }
}
