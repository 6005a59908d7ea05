package rol.task.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import rol.platform.problem.Problem;
import rol.platform.problem.IfMatch;
import rol.platform.problem.ProblemException;
import rol.platform.security.Caller;
import rol.platform.security.Roles;
import rol.task.lifecycle.TaskSteps;
import rol.platform.problem.Violations;
import rol.task.directory.Department;
import rol.task.departments.DepartmentEntity;
import rol.task.directory.DirectorySeed;
import rol.task.departments.DirectoryStore;
import rol.task.departments.UnitContact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The department directory of this deployment's district (牵头单位 and 配合单位 are chosen from it). */
@Path("/api/departments")
@Tag(name = "部门目录", description = "本区的单位目录：交办时的牵头单位和配合单位从这里选，系统按单位名称、简称、别名和关键词"
        + "为任务建议牵头单位。四种角色都可查看，只有区委依法治区办可增改。")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DepartmentResource {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final int MAX_NAME = 100;
    static final int MAX_WORD = 50;
    static final int MAX_WORDS = 30;

    /**
     * A unit as the caller may see it: the contact fields are null when the unit has no contact or when the caller
     * may not read it (a department reading another unit).
     */
    public record View(String id, String name, String kind, String parent, List<String> shortNames,
                       List<String> aliases, List<String> keywords, String displayName, String contactName,
                       String contactPhone, String contactEmail, String contactAddress, long version,
                       OffsetDateTime updatedAt) {
        static View of(DepartmentEntity e, boolean withContact) {
            UnitContact c = withContact ? e.contact() : null;
            return new View(e.departmentId, e.name, e.kind.name().toLowerCase(Locale.ROOT), e.parent, e.shortNames,
                    e.aliases, e.keywords, e.toDepartment().displayName(), c == null ? null : c.name(),
                    c == null ? null : c.phone(), c == null ? null : c.email(), c == null ? null : c.address(),
                    e.version, e.updatedAt);
        }
    }

    public record Page(String district, List<View> items, long total) {
    }

    /**
     * A unit as the office writes it; {@code kind} is one of party, government, judicial, subdistrict, unit. The
     * contact replaces the stored one like every other field: leaving all four out removes it.
     */
    public record Input(String id, String name, String kind, String parent, List<String> shortNames,
                        List<String> aliases, List<String> keywords, String contactName, String contactPhone,
                        String contactEmail, String contactAddress) {
    }

    /** A checked input: the unit as the suggesters use it, and its contact (null for none). */
    private record Checked(Department unit, UnitContact contact) {
    }

    @Inject
    DirectoryStore store;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "单位列表", description = "四种角色都可查看本区的全部单位：编号、名称、类别、上级单位、简称、别名、关键词。"
            + "单位联系方式（联系人、联系电话、电子邮箱、办公地址）属个人信息：区委依法治区办、区领导和督察可看全部单位的，"
            + "部门账号只能看本单位的，其他单位的这四项为 null。")
    public Page list() {
        List<View> items = DepartmentEntity.ofDistrict(store.district()).stream()
                .map(e -> View.of(e, mayReadContact(e))).toList();
        return new Page(store.district(), items, items.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICE, Roles.DEPARTMENT, Roles.LEADER, Roles.AUDITOR})
    @Operation(summary = "单位详情", description = "四种角色都可查看一个单位（编号如 judicial-bureau），ETag 为当前版本，修改时作 If-Match。"
            + "联系方式的可见范围同单位列表：部门账号查看其他单位时，联系人、联系电话、电子邮箱、办公地址为 null。")
    @APIResponse(responseCode = "404", description = "本区没有这个单位")
    public Response get(@PathParam("id") String id) {
        DepartmentEntity e = find(id);
        return Response.ok(View.of(e, mayReadContact(e))).tag(etag(e)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "新增单位", description = "区委依法治区办（office）在目录中增加一个单位：编号（小写英文、数字和连字符）、名称、"
            + "类别（party 党委机关、government 政府部门、judicial 司法机关、subdistrict 街道、unit 内设机构，须填上级单位）；"
            + "简称、别名、关键词用于建议牵头单位，每个只能属于一个单位。联系方式可不填；填写时联系人（至多 30 字）和联系电话"
            + "（固定电话如 0595-22561234、可带分机号如 转801，或 11 位手机号）必填，电子邮箱、办公地址（至多 200 字）可选。"
            + "201，Location 指向新单位。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "区数据资源管理局", value = "{\"id\": \"data-bureau\", "
            + "\"name\": \"区数据资源管理局\", \"kind\": \"government\", \"shortNames\": [\"区数据局\"], "
            + "\"aliases\": [\"区大数据中心\"], \"keywords\": [\"政务数据\", \"一网通办\"], \"contactName\": \"张三\", "
            + "\"contactPhone\": \"0595-20000000转801\", \"contactEmail\": \"contact@example.gov.cn\", "
            + "\"contactAddress\": \"某某路1号\"}")))
    @APIResponse(responseCode = "400", description = "字段不符合要求（编号格式、类别、上级单位不存在或成环、名称或关键词已属于其他单位，"
            + "联系电话或电子邮箱格式不对、填了联系方式却缺联系人或联系电话），errors 逐项指出")
    @APIResponse(responseCode = "409", description = "已有这个编号的单位")
    public Response create(Input input, @Context UriInfo uri) {
        Checked checked = validate(input, null);
        Department unit = checked.unit();
        if (DepartmentEntity.byId(store.district(), unit.id()).isPresent()) {
            throw ProblemException.of(409, "department-exists", unit.id());
        }
        DepartmentEntity e = new DepartmentEntity();
        e.district = store.district();
        e.departmentId = unit.id();
        apply(checked, e);
        e.createdAt = e.updatedAt;
        e.persistAndFlush();
        store.announce(e);
        return Response.created(uri.getAbsolutePathBuilder().path(e.departmentId).build())
                .entity(View.of(e, true)).tag(etag(e)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICE)
    @Transactional
    @Operation(summary = "修改单位", description = "区委依法治区办（office）整体替换一个单位的信息（编号不能改，规则同新增）："
            + "不填联系方式即清除原有的联系方式。ETag 为新版本。")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "给司法局加一个关键词并登记联系人", value = "{\"name\": \"区司法局\", "
            + "\"kind\": \"government\", \"shortNames\": [\"司法局\"], \"keywords\": [\"法律援助\", \"人民调解\", \"公证\"], "
            + "\"contactName\": \"张三\", \"contactPhone\": \"13800000000\", \"contactEmail\": \"contact@example.gov.cn\"}")))
    @APIResponse(responseCode = "400", description = "字段不符合要求（规则同新增，编号不能改），errors 逐项指出")
    public Response update(@PathParam("id") String id, Input input, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        DepartmentEntity e = find(id);
        IfMatch.parse(ifMatch).require(e.version, TaskSteps.STALE);
        Checked checked = validate(input, id);
        apply(checked, e);
        e.persistAndFlush();
        store.announce(e);
        return Response.ok(View.of(e, true)).tag(etag(e)).build();
    }

    /**
     * Least privilege for the contacts: the office (which keeps them), leaders and auditors read every unit's; a
     * department reads its own unit's only (it checks what the office has on file), not its neighbours'.
     */
    private boolean mayReadContact(DepartmentEntity e) {
        if (caller.is(Roles.OFFICE) || caller.is(Roles.LEADER) || caller.is(Roles.AUDITOR)) {
            return true;
        }
        return caller.is(Roles.DEPARTMENT) && caller.department().filter(e.departmentId::equals).isPresent();
    }

    private void apply(Checked checked, DepartmentEntity e) {
        Department unit = checked.unit();
        e.setContact(checked.contact());
        e.name = unit.name();
        e.kind = unit.kind();
        e.parent = unit.parent();
        e.shortNames = new ArrayList<>(unit.shortNames());
        e.aliases = new ArrayList<>(unit.aliases());
        e.keywords = new ArrayList<>(unit.keywords());
        e.updatedAt = store.now();
    }

    private DepartmentEntity find(String id) {
        return DepartmentEntity.byId(store.district(), id).orElseThrow(() -> ProblemException.notFound("department", id));
    }

    private static EntityTag etag(DepartmentEntity e) {
        return new EntityTag(String.valueOf(e.version));
    }

    /** Every rule of a unit; {@code existingId} is the unit being replaced (PUT), null for a new one. */
    private Checked validate(Input input, String existingId) {
        Violations.body(input);
        Violations v = new Violations();
        String id = existingId;
        if (existingId == null) {
            id = v.required("id", input.id(), 64);
            if (id != null && !ID.matcher(id).matches()) {
                v.add("id", "department.id.pattern");
            }
        } else if (input.id() != null && !input.id().strip().equals(existingId)) {
            v.add("id", "department.id.unchangeable", existingId);
        }
        String name = v.required("name", input.name(), MAX_NAME);
        Department.Kind kind = null;
        String kindText = v.required("kind", input.kind(), 20);
        if (kindText != null) {
            try {
                kind = Department.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("kind", "department.kind.one-of");
            }
        }
        String parent = v.optional("parent", input.parent(), 64);
        List<String> shortNames = words(v, "shortNames", input.shortNames());
        List<String> aliases = words(v, "aliases", input.aliases());
        List<String> keywords = words(v, "keywords", input.keywords());
        UnitContact contact = UnitContact.read(v, input.contactName(), input.contactPhone(), input.contactEmail(),
                input.contactAddress());
        DirectorySeed current = store.contents(store.district())
                .orElseThrow(() -> new IllegalStateException("no directory for " + store.district()));
        Map<String, Department> others = current.departments().stream()
                .filter(d -> !Objects.equals(d.id(), existingId))
                .collect(Collectors.toMap(Department::id, d -> d));
        if (parent != null) {
            if (parent.equals(id)) {
                v.add("parent", "department.parent.self");
            } else if (!others.containsKey(parent)) {
                v.add("parent", "department.parent.unknown", parent);
            } else {
                Set<String> seen = new HashSet<>();
                for (Department at = others.get(parent); at != null && at.parent() != null; at = others.get(at.parent())) {
                    if (at.parent().equals(id) || !seen.add(at.id())) {
                        v.add("parent", "department.parent.cycle", parent);
                        break;
                    }
                }
            }
        }
        if (kind != null && (kind == Department.Kind.UNIT) != (parent != null)) {
            v.add(parent == null ? "parent" : "kind", "department.unit-needs-parent");
        }
        if (!v.isEmpty() || id == null || name == null || kind == null) {
            v.throwIfAny();
        }
        Department unit = new Department(id, name, kind, parent, shortNames, aliases, keywords);
        // the suggesters find a unit by its names and keywords: each must belong to one unit only
        List<Department> all = new ArrayList<>(others.values());
        all.add(unit);
        DirectorySeed after = new DirectorySeed(current.district(), all);
        Map<String, String> nameOwner = new java.util.HashMap<>();
        for (Department d : others.values()) {
            after.namesOf(d).forEach(n -> nameOwner.put(n, d.id()));
        }
        for (String n : after.namesOf(unit)) {
            if (nameOwner.containsKey(n)) {
                v.add(unit.name().equals(n) ? "name" : "shortNames", "department.name.taken", n, nameOwner.get(n));
                break;
            }
        }
        Map<String, String> keywordOwner = new java.util.HashMap<>();
        others.values().forEach(d -> d.keywords().forEach(k -> keywordOwner.put(k, d.id())));
        for (String k : keywords) {
            if (keywordOwner.containsKey(k)) {
                v.add("keywords", "department.keyword.taken", k, keywordOwner.get(k));
                break;
            }
        }
        v.throwIfAny();
        return new Checked(unit, contact);
    }

    private static List<String> words(Violations v, String field, List<String> words) {
        if (words == null) {
            return List.of();
        }
        if (words.size() > MAX_WORDS) {
            v.add(field, "field.too-many", MAX_WORDS);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = v.required(field + "[" + i + "]", words.get(i), MAX_WORD);
            if (w != null && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
