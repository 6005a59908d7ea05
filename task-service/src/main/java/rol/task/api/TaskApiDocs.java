package rol.task.api;

/**
 * What TaskResource's OpenAPI annotations say (docs/lifecycle.md in the words of the clerk who calls each endpoint),
 * kept apart so that the resource stays readable. Request examples are JSON with realistic Chinese values.
 */
final class TaskApiDocs {

    private TaskApiDocs() {
    }

    static final String TAG = "督办任务";
    static final String TAG_DESCRIPTION = "由报告的工作思路和存在问题生成的督办事项，走 交办 → 签收 → 反馈 → 申请办结 → 销号 的流程，"
            + "全程留痕。区委依法治区办可做一切操作；部门只看到、只办理本部门牵头或配合的任务（其他部门的任务答 404）；"
            + "区领导、督查只读。每次操作答复任务当前的样子和新的 ETag，带 If-Match 可防止覆盖他人的修改。";

    /** The shared clause of every lifecycle action's description. */
    private static final String ACTION = "答复操作后的任务，ETag 为新版本。";

    static final String LIST = "四种角色都可查看任务列表：区委依法治区办、区领导、督查看全部，部门只看本部门牵头或配合的。"
            + "可按报告、工作计划、部门、状态（可多选）、计划年度、发文机关、挂牌督办、期限、是否逾期、红黄绿灯筛选，q 按标题和正文查找"
            + "（繁简体通用）；sort 排序，page 从 0 起，size 1–200。每项带红黄绿灯、序时进度和当前可做的操作（allowedActions）。"
            + "light 按今天的红黄绿灯筛选（RED、YELLOW、GREEN，可重复给出，如 light=RED&light=YELLOW），与任务上显示的灯同一规则；"
            + "草稿、已销号、已撤销的任务没有灯，不在其中。leadOnly=true 只列 department 牵头的任务（通报排名和完成情况按牵头单位计数）；"
            + "closedFrom（含）、closedBefore（不含）按本区时区的销号日期筛选已销号的任务，closedOnTime 只列按期（或逾期）销号的，"
            + "与完成情况的当月销号、其中按期计法相同。";
    static final String GET = "查看一项任务：定义、牵头和配合单位、期限、状态、进度、佐证材料、序时进度、红黄绿灯和调用者现在可做的操作。"
            + "部门只能查看本部门牵头或配合的任务。ETag 为当前版本。";
    static final String UPDATE = "区委依法治区办（office）修改任务的定义：只改所给的字段（title、text、leadDepartment、coDepartments、"
            + "deadline）；已交办的任务改期限须给 reason，记入期限变更记录。牵头单位签收后要换牵头单位请用改派（此处 409）。" + ACTION;
    static final String UPDATE_BODY = "{\"deadline\": \"2026-10-31\", \"coDepartments\": [\"market-regulation\"], "
            + "\"reason\": \"与全市行政执法检查的时间安排保持一致\"}";
    static final String REASSIGN = "区委依法治区办（office）改派：换一个牵头单位（配合单位按所给，未给则保留原有的），"
            + "任务回到已交办，由新的牵头单位重新签收；期限、进度、序时进度不变。" + ACTION;
    static final String REASSIGN_BODY = "{\"leadDepartment\": \"market-regulation\", \"coDepartments\": [\"judicial-bureau\"], "
            + "\"reason\": \"该事项属市场监管职责，经区领导同意改由区市场监管局牵头\"}";
    static final String MILESTONES = "查看任务的序时进度节点（标题、节点日期、是否完成、是否逾期），能看任务的都可查看。";
    static final String ADD_MILESTONE = "区委依法治区办或牵头部门为任务安排一个序时进度节点：日期不早于今天、不晚于任务期限，"
            + "每项任务至多 20 个；审核办结申请期间不能安排。201 答复节点，ETag 为任务的新版本。";
    static final String MILESTONE_BODY = "{\"title\": \"完成全区行政执法案卷评查\", \"dueDate\": \"2026-06-30\"}";
    static final String CHANGE_MILESTONE = "区委依法治区办或牵头部门修改一个未完成的节点（标题、日期，规则同新增）。"
            + "答复节点，ETag 为任务的新版本。";
    static final String CHANGE_MILESTONE_BODY = "{\"title\": \"完成全区行政执法案卷评查并通报结果\", \"dueDate\": \"2026-07-15\"}";
    static final String REMOVE_MILESTONE = "区委依法治区办或牵头部门删去一个未完成的节点。204，ETag 为任务的新版本。";
    static final String COMPLETE_MILESTONE = "区委依法治区办或牵头部门在牵头单位签收后标记一个节点已完成，可附说明；"
            + "已完成的节点不能再改、删或重复完成（409）。答复节点，ETag 为任务的新版本。";
    static final String COMPLETE_MILESTONE_BODY = "{\"note\": \"已抽查案卷120卷，评查报告已报区委依法治区办\"}";
    static final String DISPATCH = "区委依法治区办（office）交办一项草稿任务：确定牵头单位、配合单位（取自部门目录）和完成时限；"
            + "交办后相关部门才能看到它。" + ACTION;
    static final String DISPATCH_BODY = "{\"leadDepartment\": \"judicial-bureau\", "
            + "\"coDepartments\": [\"market-regulation\", \"kaiyuan-subdistrict\"], \"deadline\": \"2026-12-31\"}";
    static final String ACKNOWLEDGE = "牵头部门（或代为录入的区委依法治区办）签收已交办的任务，表示接手办理。" + ACTION;
    static final String PROGRESS = "牵头或配合部门（或代为录入的区委依法治区办）反馈进展：完成百分比（0–100）、情况说明、"
            + "佐证材料（链接，或先上传到 /evidence 再以 {kind: file, fileId} 引用）和数据（如 办理法律援助案件 283 件）。"
            + "签收后的第一次反馈使任务进入办理中。" + ACTION;
    static final String PROGRESS_BODY = "{\"percent\": 60, \"note\": \"已完成全区12个执法单位的案卷评查，发现问题案卷9件，正在督促整改。\", "
            + "\"evidence\": [{\"kind\": \"file\", \"fileId\": \"7d0c6a52-1f3e-4b8a-9c2d-5e6f7a8b9c0d\"}, "
            + "{\"kind\": \"link\", \"url\": \"https://www.licheng.gov.cn/sfj/tzgg/2026/0615.html\", \"name\": \"案卷评查情况通报\"}], "
            + "\"metrics\": [{\"label\": \"评查行政执法案卷\", \"value\": 120, \"unit\": \"卷\"}]}";
    static final String SUBMIT = "牵头部门（或区委依法治区办）认为已办完，申请办结，由区委依法治区办审核；须至少反馈过一次进展。" + ACTION;
    static final String CLOSE = "区委依法治区办（office）审核通过办结申请，销号。" + ACTION;
    static final String RETURN = "区委依法治区办（office）退回办结申请并说明理由；牵头部门继续反馈或补充后再次申请。" + ACTION;
    static final String RETURN_BODY = "{\"reason\": \"佐证材料不全，请补充案卷评查报告原件后再申请办结\"}";
    static final String CANCEL = "区委依法治区办（office）撤销任务并说明理由（销号和撤销后的任务不能再操作）。" + ACTION;
    static final String CANCEL_BODY = "{\"reason\": \"该事项已并入全区法治督察专项任务统一推进\"}";
    static final String KEY_SUPERVISION = "区委依法治区办（office）挂牌督办或取消挂牌（flagged true/false），不改变任务状态；"
            + "已经是所要的状态时 200 且不变。" + ACTION;
    static final String REQUEST_EXTENSION = "牵头部门（或区委依法治区办）申请延期：新的期限和理由；同一时间只能有一个待审批的申请。"
            + "201 答复申请，ETag 为任务的新版本。";
    static final String EXTENSION_BODY = "{\"newDeadline\": \"2027-03-31\", \"reason\": \"受机构改革影响，配合单位调整，需延期三个月\"}";
    static final String DECIDE_EXTENSION = "区委依法治区办（office）批准或驳回延期申请；驳回须写意见。批准后任务期限改为新期限并记入期限变更记录。"
            + "答复申请，ETag 为任务的新版本。";
    static final String DECISION_BODY = "{\"approve\": false, \"comment\": \"年底前须完成，请调配力量按原期限推进\"}";
    static final String EXTENSIONS = "查看任务的延期申请（待审批、已批准、已驳回）和历次期限变更，能看任务的都可查看。";
    static final String PENDING_REVISIONS = "报告在任务交办后被纠正时，改动不会直接改任务，而是作为待确认的修订等区委依法治区办决定；"
            + "这里列出任务的全部修订（待确认、已采纳、已驳回、被更新的修订取代）和待确认的条数。能看任务的都可查看。";
    static final String ACCEPT_REVISION = "区委依法治区办（office）采纳一条待确认的修订：按修订后的报告改任务（条目被删则撤销任务）。"
            + "答复修订，ETag 为任务的新版本。";
    static final String REJECT_REVISION = "区委依法治区办（office）驳回一条待确认的修订，任务保持不变。答复修订，ETag 为任务的新版本。";
    static final String HISTORY = "全程留痕：任务的每次操作（谁、何时、做了什么、前后的变化、理由）。区委依法治区办、督查和任务的牵头、"
            + "配合部门可查看；区领导看汇总，不看留痕（403）。";
}
