package rol.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import rol.platform.problem.Problem;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives every {@code /api} operation of a service the problem answers that follow from its shape, so that a resource
 * method declares only those its own code decides (409, a 404 without path parameters …):
 * <ul>
 *   <li>401, 403 and 503 always: every endpoint needs a token and a role, and any may find no database connection;</li>
 *   <li>400 for a body or a query or non-text path parameter, 413 and 415 for a body;</li>
 *   <li>404 for a path parameter, 412 for an {@code If-Match} header.</li>
 * </ul>
 * Every 4xx/5xx answer, declared or added, is {@code application/problem+json} with the shared {@code Problem} schema
 * and a Chinese description; 2xx answers lose the problem media type that {@code @Produces} puts on them.
 * Registered with {@code mp.openapi.filter} in platform's configuration; safe to run more than once.
 */
public class ProblemResponses implements OASFilter {

    public static final String SCHEMA = "Problem";
    static final String REF = "#/components/schemas/" + SCHEMA;

    /** What each status means to a caller, when the resource did not say it more precisely. */
    static final Map<String, String> MEANING = Map.of(
            "400", "提交的内容或参数不符合要求：type 为 urn:rol:problem:validation 时 errors 逐项列出字段（field）和原因（message）；"
                    + "正文不是 JSON 时为 malformed-json，detail 给出行和列。",
            "401", "未登录或令牌无效（缺少、过期、不是本系统 Keycloak 签发、没有 rol-api 受众、签名不对）。",
            "403", "当前角色无权进行此操作，或部门账号没有 department 声明。",
            "404", "要找的记录不存在，或调用者无权看到它（两种情况答复相同）。",
            "409", "操作与记录当前所处的状态不符：state 为当前状态，allowedActions 为现在可做的操作。",
            "412", "记录已被他人修改（If-Match 中的版本已过时，或与他人同时提交），未做任何改动；请重新读取后再提交。",
            "413", "请求体超过允许的大小，未被处理。",
            "415", "请求体的类型不被接受，或缺少 Content-Type；detail 列出可用的类型。",
            "503", "服务暂时繁忙（数据库连接不足）或所依赖的服务不可用，未做任何改动；请按 Retry-After 的秒数后重试。",
            "500", "意外错误，未做任何改动；errorId 对应服务日志中的记录，请联系管理员。");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ProblemResponses::complete);
            }
        });
    }

    static void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        add(responses, "401", true);
        add(responses, "403", true);
        add(responses, "503", true);
        add(responses, "400", body || parameters.stream().anyMatch(ProblemResponses::checkedForm));
        add(responses, "413", body);
        add(responses, "415", body);
        add(responses, "404", parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH));
        add(responses, "412", parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && "If-Match".equalsIgnoreCase(p.getName())));
        // sorted by status, so that Swagger UI lists them in order
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((status, response) -> describe(status, response));
        responses.setAPIResponses(sorted);
    }

    /** Query parameters and typed path parameters (a UUID, a number) are parsed, and answered 400 when malformed. */
    private static boolean checkedForm(Parameter p) {
        if (p.getIn() == Parameter.In.QUERY) {
            return true;
        }
        if (p.getIn() != Parameter.In.PATH || p.getSchema() == null) {
            return false;
        }
        Schema s = p.getSchema();
        return s.getRef() != null || s.getType() == null || !s.getType().contains(Schema.SchemaType.STRING);
    }

    private static void add(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    private static void describe(String status, APIResponse response) {
        if (!status.startsWith("4") && !status.startsWith("5")) {
            if (!saysSomething(response.getDescription())) {
                response.setDescription("成功");
            }
            if (response.getContent() != null) {
                response.getContent().removeMediaType(Problem.MEDIA_TYPE);
            }
            return;
        }
        if (!saysSomething(response.getDescription())) {
            response.setDescription(MEANING.getOrDefault(status, "请求被拒绝，原因见 title 和 detail。"));
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
        response.setContent(content);
        if (status.equals("401")) {
            response.addHeader("WWW-Authenticate", header("Bearer realm=\"rule-of-law\""));
        } else if (status.equals("503")) {
            response.addHeader("Retry-After", header("重试前应等待的秒数，如 2"));
        }
    }

    /** Framework defaults such as "Not Authorized" tell a clerk nothing; a text with Chinese in it was written for them. */
    private static boolean saysSomething(String description) {
        return description != null && description.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    /** RFC 9457 as docs/errors.md describes it; members beyond these depend on the kind. */
    static Schema problemSchema() {
        Schema error = object("一条不符合的规则").addRequired("field").addRequired("message")
                .addProperty("field", text("客户端所用的字段名，如 coDepartments[1]、metrics[0].value 或查询参数名"))
                .addProperty("message", text("中文说明"));
        return object("RFC 9457 问题详情（application/problem+json）。除下列成员外，按种类还可能有 state、allowedActions（409）、"
                + "errorId（500）、detectedType（上传类型不符）等。")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", text("urn:rol:problem:<种类>，客户端可据此分支").example("urn:rol:problem:validation"))
                .addProperty("title", text("中文摘要").example("提交的内容不符合要求"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("HTTP 状态码").example(400))
                .addProperty("detail", text("发生了什么，需要时说明怎么办").example("请按照提示修改后重新提交。"))
                .addProperty("instance", text("所请求的路径").example("/api/tasks/3f1c0b9e-5a0d-4a7e-9d43-1b2f0c8e7a11/progress"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("仅 400 validation：每条不符合的规则一项").items(error))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
