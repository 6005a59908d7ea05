package rol.report.followup;

/** Whether the later report's achievements report on a plan item (the console says 已报告完成 / 部分提及 / 未提及). */
public enum Verdict {
    REPORTED_DONE, PARTLY_MENTIONED, NOT_MENTIONED
}
