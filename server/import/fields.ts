// The columns the imports read, with the header names county sheets use for them. The first
// name is what the export and the template write, so an exported sheet imports as it is.
import type { FieldDef } from './header.js';

export type LedgerField =
  | 'code' | 'name' | 'domain' | 'levels' | 'unit' | 'leadUnit' | 'leader' | 'chargeLeader' | 'commissioner'
  | 'totalInvestment' | 'annualPlan' | 'plannedStart' | 'plannedCompletion' | 'startedOn' | 'completedOn'
  | 'stage' | 'township' | 'lon' | 'lat' | 'content' | 'nature' | 'openingCompleted' | 'sinceStart';

export const LEDGER_FIELDS: FieldDef<LedgerField>[] = [
  { key: 'code', label: '项目编码', names: ['项目编码', '项目编号', '项目代码', '编码', '项目统一代码', '统一代码'] },
  { key: 'name', label: '项目名称', names: ['项目名称', '名称', '项目'], required: true },
  { key: 'domain', label: '领域', names: ['领域', '所属领域', '项目领域', '项目类别', '类别', '行业领域', '产业类别', '项目分类', '分类'] },
  { key: 'levels', label: '项目级别', names: ['项目级别', '级别', '项目层级', '层级', '项目类型', '类型'] },
  { key: 'unit', label: '责任单位', names: ['责任单位', '主体单位', '实施单位', '建设单位', '业主单位', '项目单位', '责任主体', '牵头责任单位'], required: true },
  { key: 'leadUnit', label: '牵头单位', names: ['牵头单位', '牵头部门'] },
  { key: 'leader', label: '挂点领导', names: ['挂点领导', '县领导', '挂点县领导', '一对一挂点领导', '挂点县级领导', '挂点领导(县领导)'] },
  { key: 'chargeLeader', label: '包干领导', names: ['包干领导', '分管领导', '分管县领导', '分管包干领导', '包干县领导'] },
  { key: 'commissioner', label: '服务专员', names: ['服务专员', '项目服务专员', '项目专员'] },
  { key: 'totalInvestment', label: '总投资', names: ['总投资', '计划总投资', '项目总投资', '总投资额', '估算总投资'], amount: true, required: true },
  {
    key: 'annualPlan', label: '年度计划投资',
    names: ['年度计划投资', '年度计划', '年计划投资', '年度投资计划', '计划投资', '年度计划完成投资', '年计划'], amount: true, required: true,
  },
  { key: 'plannedStart', label: '计划开工时间', names: ['计划开工时间', '计划开工日期', '计划开工', '开工时间', '开工日期', '计划开工年月'] },
  { key: 'plannedCompletion', label: '计划竣工时间', names: ['计划竣工时间', '计划竣工日期', '计划竣工', '竣工时间', '竣工日期', '计划完工时间', '计划竣工年月'] },
  { key: 'startedOn', label: '实际开工时间', names: ['实际开工时间', '实际开工日期', '实际开工'] },
  { key: 'completedOn', label: '实际竣工时间', names: ['实际竣工时间', '实际竣工日期', '实际竣工'] },
  { key: 'stage', label: '项目阶段', names: ['项目阶段', '阶段', '建设阶段', '项目状态', '建设状态', '进展阶段'] },
  { key: 'township', label: '所在乡镇', names: ['所在乡镇', '乡镇', '乡镇(街道)', '建设地点', '项目地点', '所在地', '项目所在地'] },
  { key: 'lon', label: '经度', names: ['经度'] },
  { key: 'lat', label: '纬度', names: ['纬度'] },
  { key: 'content', label: '建设内容', names: ['建设内容', '建设规模及内容', '主要建设内容', '建设内容及规模', '项目内容', '建设规模'] },
  { key: 'nature', label: '建设性质', names: ['建设性质', '项目性质', '性质', '新建/续建', '新建续建', '新开工/续建'] },
  // Opening figures of a county moving in mid-year (keys after headerKey: 本年 → 年, a year prefix dropped).
  {
    key: 'openingCompleted', label: '本年累计完成投资', amount: true,
    names: ['年累计完成投资', '年累计完成', '年完成投资', '年度累计完成投资', '年度完成投资', '年以来累计完成投资', '年以来完成投资', '年累计完成投资额'],
    patterns: [
      /^\d{1,2}[-~—–至到]\d{1,2}月份?(累计)?完成(投资|投资额|额)?$/,
      /^截[至止](\d{4}年)?\d{1,2}月(底|末)?(累计)?完成(投资|投资额|额)?$/,
    ],
  },
  {
    key: 'sinceStart', label: '开工以来累计完成投资', amount: true,
    names: ['开工以来累计完成投资', '开工以来累计完成', '开工以来完成投资', '自开工以来累计完成投资', '开工累计完成投资', '开工至今累计完成投资', '累计完成投资', '项目累计完成投资', '累计完成投资额'],
  },
];

export type MonthField = 'code' | 'name' | 'unit' | 'investment' | 'progress' | 'startedOn' | 'completedOn' | 'remark';

export const MONTH_FIELDS: FieldDef<MonthField>[] = [
  { key: 'code', label: '项目编码', names: ['项目编码', '项目编号', '项目代码', '编码'] },
  { key: 'name', label: '项目名称', names: ['项目名称', '名称', '项目'], required: true },
  { key: 'unit', label: '责任单位', names: ['责任单位', '主体单位', '实施单位', '建设单位', '填报单位'] },
  {
    key: 'investment', label: '本月完成投资',
    names: ['本月完成投资', '当月完成投资', '月完成投资', '本月完成', '当月完成', '本月投资', '月度完成投资', '完成投资'], amount: true, required: true,
  },
  { key: 'progress', label: '形象进度', names: ['形象进度', '本月形象进度', '工程进度', '进展情况', '项目进展', '本月进展情况', '建设进度'] },
  { key: 'startedOn', label: '开工日期', names: ['开工日期', '实际开工时间', '实际开工日期', '开工时间'] },
  { key: 'completedOn', label: '竣工日期', names: ['竣工日期', '实际竣工时间', '实际竣工日期', '竣工时间'] },
  { key: 'remark', label: '备注', names: ['备注', '说明', '存在问题及备注'] },
];
