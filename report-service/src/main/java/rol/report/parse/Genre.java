package rol.report.parse;

public enum Genre {
    /** 法治政府建设情况报告 */
    RULE_OF_LAW_REPORT,
    /** 工作总结及工作计划 */
    WORK_SUMMARY_AND_PLAN,
    /** 政府工作报告 */
    GOVERNMENT_WORK_REPORT
}
