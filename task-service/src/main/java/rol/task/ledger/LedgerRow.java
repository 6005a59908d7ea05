package rol.task.ledger;

import rol.platform.lights.TrafficLight;

import java.time.LocalDate;

/**
 * One line of the ledger (台账) as it goes to a meeting: department names rather than ids, the state in Chinese,
 * the latest feedback with its date, the 红黄绿灯 in words with its reason.
 *
 * @param light       the light and why ("黄灯（临近期限进度滞后）"), or what stands for it on a finished task ("按期办结")
 * @param lightColour the colour of the light cell in Excel, or null for none
 * @param taskId      任务编号, last: what a re-import of the sheet matches its tasks by (docs/imports.md)
 */
public record LedgerRow(int number, String task, String leadDepartment, String coDepartments, LocalDate deadline,
                        String state, int percent, String latestFeedback, String light, TrafficLight lightColour,
                        String taskId) {

    /** The columns, in order, as the sheet heads them. */
    public static final String[] HEADERS = {"序号", "任务", "牵头单位", "配合单位", "完成时限", "状态", "进度", "最新反馈", "红黄绿灯", "任务编号"};

    /** The cells as text, in the order of {@link #HEADERS}. */
    public String[] cells() {
        return new String[]{String.valueOf(number), task, text(leadDepartment), text(coDepartments),
                deadline == null ? "" : deadline.toString(), state, percent + "%", text(latestFeedback), text(light), taskId};
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
