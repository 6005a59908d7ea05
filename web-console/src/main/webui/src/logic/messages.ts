// Every Chinese word the console shows, in one place (components read them from here, never write their own).
export const messages = {
  app: { title: '督办工作台', signOut: '退出', search: '按标题或内容搜索任务', notAvailable: '任务不可查看' },
  nav: { dashboard: '总览', tasks: '任务', inbox: '消息' },
  roles: { office: '依法治区办', department: '部门', leader: '区领导', auditor: '督察' } as Record<string, string>,
  states: {
    DRAFT: '草稿', DISPATCHED: '已交办', ACKNOWLEDGED: '已签收', IN_PROGRESS: '办理中', SUBMITTED: '待销号',
    RETURNED: '已退回', CLOSED: '已销号', CANCELLED: '已撤销',
  } as Record<string, string>,
  lights: { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯', NONE: '无灯' } as Record<string, string>,
  lightReasons: {
    OVERDUE: '已超期', BEHIND_NEAR_DEADLINE: '临近时限且进度落后', NO_FEEDBACK: '长期未反馈', ON_TRACK: '按期推进',
    NOT_DISPATCHED: '尚未交办', CLOSED_ON_TIME: '按期办结', CLOSED_LATE: '超期办结', CANCELLED: '已撤销',
  } as Record<string, string>,
  actions: {
    DISPATCH: '交办', ACKNOWLEDGE: '签收', REPORT_PROGRESS: '进度反馈', REQUEST_EXTENSION: '申请延期',
    SUBMIT: '申请办结', CLOSE: '销号', RETURN: '退办', CANCEL: '撤销', FLAG_KEY_SUPERVISION: '挂牌督办',
    UNFLAG_KEY_SUPERVISION: '取消挂牌', REASSIGN: '改派', UPDATE_DEFINITION: '修改', DECIDE_EXTENSION: '审批延期',
    PLAN_MILESTONES: '编辑里程碑', COMPLETE_MILESTONE: '完成里程碑',
  } as Record<string, string>,
  confirm: { title: '请确认', ok: '确定', cancel: '取消', text: '确定要“{action}”这项任务吗？' },
  dashboard: {
    title: '总览', asOf: '数据截至', tasks: '督办任务', closed: '已销号', overdue: '超期', supervised: '在督',
    completionRate: '完成率', onTimeRate: '按期办结率', averageProgress: '平均进度', keySupervision: '挂牌督办',
    lightsByDepartment: '各单位红黄绿灯', ranking: '通报排名', rank: '名次', department: '单位',
    redTasks: '超期和红灯任务', keyTasks: '挂牌督办任务', none: '暂无',
  },
  tasks: {
    title: '任务台账', department: '单位', state: '状态', light: '红黄绿灯', overdue: '只看超期', keySupervision: '只看挂牌督办',
    planYear: '计划年度', deadlineBefore: '时限早于', q: '标题或内容', search: '查询', reset: '重置',
    exportXlsx: '导出 Excel', exportCsv: '导出 CSV', colTitle: '任务', colLead: '牵头单位', colDeadline: '办结时限',
    colPercent: '进度', colState: '状态', colLight: '红黄绿灯', total: '共 {n} 项',
  },
  task: {
    tabs: { basic: '基本信息', progress: '进度反馈', milestones: '里程碑', evidence: '佐证材料', extensions: '延期', history: '办理记录' },
    lead: '牵头单位', co: '配合单位', deadline: '办结时限', percent: '进度', text: '任务内容', theme: '所属板块',
    keySupervision: '挂牌督办', lastFeedback: '最近反馈', noActions: '当前没有可办理的操作',
    progressForm: '填写进度反馈', progressPercent: '完成进度（%）', progressNote: '进展情况', evidenceFile: '佐证材料（可选）',
    submit: '提交', cancel: '取消', reason: '理由', newDeadline: '申请延至', done: '已完成', open: '未完成', overdue: '已逾期',
    noHistory: '暂无办理记录', noEvidence: '暂无佐证材料', noMilestones: '暂无里程碑', noExtensions: '暂无延期申请',
    download: '下载', saved: '已提交', notAvailable: '该任务不存在，或不属于您的单位，无法查看。', back: '返回任务列表',
    approve: '同意', reject: '不同意', pending: '待审批', approved: '已同意', rejected: '已驳回',
  },
  followUp: {
    title: '下一年度报告核对：', suggestedNote: '建议办结说明：', evidence: '相关成效：',
    verdicts: { REPORTED_DONE: '已报告完成', PARTLY_MENTIONED: '部分提及', NOT_MENTIONED: '未提及' } as Record<string, string>,
    decisions: { CONFIRMED: '办公室已确认', REJECTED: '办公室已否定' } as Record<string, string>,
  },
  inbox: { title: '消息', unreadOnly: '只看未读', markRead: '标为已读', markAllRead: '全部标为已读', read: '已读', unread: '未读', empty: '暂无消息', open: '查看任务' },
  errors: {
    networkTitle: '网络错误', network: '无法连接督办工作台，请检查网络后重试。', generic: '操作未成功',
    signedOut: '登录已失效', signingIn: '正在重新登录…',
    conflict: '任务已被他人更新，请刷新后重试。',
  },
}
