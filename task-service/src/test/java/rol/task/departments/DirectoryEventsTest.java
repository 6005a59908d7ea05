package rol.task.departments;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import rol.platform.event.Topics;
import rol.platform.event.department.DepartmentUpsertedV1;
import rol.testsupport.As;
import rol.testsupport.StackResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rol.task.lifecycle.TaskFixture.count;
import static rol.task.lifecycle.TaskFixture.rows;

/**
 * The directory is announced ({@code department.upserted.v1} on the compacted {@code department-events}): every unit
 * at start, each create and edit in its own transaction, nothing for a refused change.
 */
@QuarkusTest
@WithTestResource(value = StackResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "task"))
class DirectoryEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DirectoryStore store;

    @AfterEach
    void signOut() {
        As.nobody();
    }

    @Test
    void everyUnitIsAnnouncedAsItIsNow() {
        List<List<Object>> units = rows("select department_id, name, version from department where district = ?"
                + " order by department_id", "licheng");
        assertTrue(units.size() > 30, "the seeded directory: " + units.size());
        for (List<Object> unit : units) {
            List<Object> last = latest("licheng/" + unit.get(0));
            assertEquals(List.of(unit.get(1), ((Number) unit.get(2)).longValue()), last, "the announced " + unit.get(0));
        }
        List<Object> judicial = rows("select payload::jsonb -> 'data' ->> 'kind', payload::jsonb -> 'data' ->> 'district',"
                + " payload::jsonb -> 'data' ->> 'departmentId', payload::jsonb ->> 'subject'"
                + " from outbox_event where event_key = ? order by position desc limit 1", "licheng/judicial-bureau")
                .get(0);
        assertEquals(List.of("government", "licheng", "judicial-bureau", "licheng/judicial-bureau"), judicial);
    }

    @Test
    void createAndEditAreAnnouncedAndARefusedChangeIsNot() {
        As.office();
        String key = DepartmentUpsertedV1.key("licheng", "meteorology-bureau");
        given().contentType("application/json").body(Map.of("id", "meteorology-bureau", "name", "泉州市鲤城区气象局",
                "kind", "government")).post("/api/departments").then().statusCode(201);
        assertEquals(List.of("泉州市鲤城区气象局", 0L), latest(key));
        assertEquals(1, announcements(key));

        given().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("name", "泉州市鲤城区气象局（区气象台）",
                "kind", "government", "shortNames", List.of("区气象局"))).put("/api/departments/meteorology-bureau")
                .then().statusCode(200);
        assertEquals(List.of("泉州市鲤城区气象局（区气象台）", 1L), latest(key));
        assertEquals(List.of("区气象局"), rows("select payload::jsonb -> 'data' -> 'shortNames' ->> 0 from outbox_event"
                + " where event_key = ? order by position desc limit 1", key).get(0));

        // a stale If-Match and a bad parent change nothing, so they announce nothing
        given().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("name", "别名",
                "kind", "government")).put("/api/departments/meteorology-bureau").then().statusCode(412);
        given().contentType("application/json").body(Map.of("name", "某科", "kind", "unit", "parent", "nowhere"))
                .put("/api/departments/meteorology-bureau").then().statusCode(400);
        assertEquals(2, announcements(key));
    }

    @Test
    void twoInstancesStartingAtOnceSeedOnceAndAnnounceTheSameVersions() throws Exception {
        String key = DepartmentUpsertedV1.key("licheng", "judicial-bureau");
        long before = announcements(key);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> store.seedAndAnnounce("licheng"), two);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> store.seedAndAnnounce("licheng"), two);
            assertEquals(List.of(0, 0), List.of(a.get(), b.get()), "nothing seeded a second time");
        } finally {
            two.shutdown();
        }
        assertEquals(before + 2, announcements(key));
        assertEquals(1, count("select count(distinct payload::jsonb -> 'data' ->> 'version') from"
                + " (select payload from outbox_event where event_key = ? order by position desc limit 2) last", key),
                "both announce the version the consumers already hold");
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> admin.listTopics().names().get().contains(Topics.DEPARTMENT_EVENTS));
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEPARTMENT_EVENTS);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    /** {@code [name, version]} of the newest announcement under the key. */
    private static List<Object> latest(String key) {
        List<List<Object>> r = rows("select payload::jsonb -> 'data' ->> 'name', (payload::jsonb -> 'data' ->> 'version')::bigint"
                + " from outbox_event where event_key = ? and event_type = ? order by position desc limit 1",
                key, DepartmentUpsertedV1.TYPE);
        assertEquals(1, r.size(), "an announcement of " + key);
        return r.get(0);
    }

    private static long announcements(String key) {
        return count("select count(*) from outbox_event where event_key = ? and event_type = ? and topic = ?", key,
                DepartmentUpsertedV1.TYPE, Topics.DEPARTMENT_EVENTS);
    }
}
