package rol.task.ledgerimport.reading;

import rol.task.workflow.TaskState;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle state a 状态 / 完成情况 cell means. Negations are read first (未完成 is not 完成); the state names the
 * ledger export writes (已交办, 办理中, 已销号 …) read back as themselves.
 */
public final class StateText {

    private static final List<Map.Entry<String, TaskState>> WORDS = List.of(
            Map.entry("未完成", TaskState.IN_PROGRESS), Map.entry("未办结", TaskState.IN_PROGRESS),
            Map.entry("未启动", TaskState.DISPATCHED), Map.entry("未开始", TaskState.DISPATCHED),
            Map.entry("待启动", TaskState.DISPATCHED), Map.entry("已交办", TaskState.DISPATCHED),
            Map.entry("已签收", TaskState.ACKNOWLEDGED), Map.entry("签收", TaskState.ACKNOWLEDGED),
            Map.entry("申请办结", TaskState.SUBMITTED), Map.entry("待销号", TaskState.SUBMITTED),
            Map.entry("待审核", TaskState.SUBMITTED), Map.entry("退办", TaskState.RETURNED),
            Map.entry("撤销", TaskState.CANCELLED), Map.entry("取消", TaskState.CANCELLED),
            Map.entry("销号", TaskState.CLOSED), Map.entry("已完成", TaskState.CLOSED),
            Map.entry("已办结", TaskState.CLOSED), Map.entry("办结", TaskState.CLOSED),
            Map.entry("已落实", TaskState.CLOSED), Map.entry("完成", TaskState.CLOSED),
            Map.entry("草稿", TaskState.DRAFT), Map.entry("立项", TaskState.DRAFT),
            Map.entry("办理中", TaskState.IN_PROGRESS), Map.entry("推进中", TaskState.IN_PROGRESS),
            Map.entry("进行中", TaskState.IN_PROGRESS), Map.entry("正在", TaskState.IN_PROGRESS),
            Map.entry("推进", TaskState.IN_PROGRESS), Map.entry("启动", TaskState.IN_PROGRESS),
            Map.entry("落实中", TaskState.IN_PROGRESS));

    private StateText() {
    }

    /** The state the words mean, or empty when none of the known words is there. */
    public static Optional<TaskState> read(String text) {
        String t = ImportColumn.compact(text);
        for (Map.Entry<String, TaskState> w : WORDS) {
            if (t.contains(w.getKey())) {
                return Optional.of(w.getValue());
            }
        }
        return Optional.empty();
    }
}
