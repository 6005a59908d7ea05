package rol.console.relay;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The console's own refusals, in the services' shape (RFC 9457 problem+json, worded for the clerk), so that the SPA
 * shows them like any other.
 */
public final class RelayProblems {

    private static final Map<String, String[]> TEXTS = Map.of(
            "signed-out", new String[]{"登录已失效", "登录已失效，请重新登录。"},
            "not-found", new String[]{"没有这个地址", "工作台没有这个接口。"},
            "unavailable", new String[]{"服务暂时不可用", "后台服务暂时不可用，请稍后再试。"},
            "csrf", new String[]{"请求被拒绝", "请求不是从督办工作台页面发出的，已拒绝。请刷新页面后重试。"});

    private RelayProblems() {
    }

    public static void send(HttpServerResponse out, int status, String kind) {
        String[] text = TEXTS.get(kind);
        JsonObject body = new JsonObject().put("type", "urn:rol:problem:console:" + kind).put("title", text[0])
                .put("status", status).put("detail", text[1]);
        out.setStatusCode(status).putHeader("Content-Type", "application/problem+json;charset=UTF-8")
                .end(body.encode());
    }
}
