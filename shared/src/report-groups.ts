import type { Issue, Report, SheetSummary } from './report';
import { RULES, type RuleId } from './rules';

/**
 * A report arranged the way people read it: by sheet, then by rule (errors first), each group
 * with its title, severity and issues in sheet order. The CLI, the task pane and the review
 * pages all show this arrangement.
 */
export interface IssueGroup {
  ruleId: string;
  title: string;
  severity: Issue['severity'];
  issues: Issue[];
  /** How many issues of the rule the report kept for the sheet. */
  count: number;
}

export interface SheetIssueGroups {
  sheet: string;
  summary: SheetSummary | null;
  errors: number;
  warnings: number;
  groups: IssueGroup[];
}

export function groupIssues(report: Report): SheetIssueGroups[] {
  const bySheet = new Map<string, Map<string, Issue[]>>();
  for (const issue of report.issues) {
    let rules = bySheet.get(issue.sheet);
    if (!rules) bySheet.set(issue.sheet, (rules = new Map()));
    const list = rules.get(issue.ruleId);
    if (list) list.push(issue);
    else rules.set(issue.ruleId, [issue]);
  }
  const names = [...report.sheets.map((s) => s.name), ...[...bySheet.keys()].filter((n) => !report.sheets.some((s) => s.name === n))];
  return names.map((sheet) => {
    const rules = bySheet.get(sheet) ?? new Map<string, Issue[]>();
    const groups = [...rules.entries()].map(([ruleId, issues]): IssueGroup => {
      const info = RULES[ruleId as RuleId];
      return { ruleId, title: info?.title ?? ruleId, severity: issues[0].severity, issues: issues.sort(byPosition), count: issues.length };
    });
    groups.sort((a, b) => (a.severity === b.severity ? (a.issues[0].row ?? 0) - (b.issues[0].row ?? 0) : a.severity === 'error' ? -1 : 1));
    const counts = report.counts.bySheet[sheet] ?? { errors: 0, warnings: 0 };
    return { sheet, summary: report.sheets.find((s) => s.name === sheet) ?? null, errors: counts.errors, warnings: counts.warnings, groups };
  });
}

function byPosition(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.col ?? 0) - (b.col ?? 0);
}

/** `message` led by `column` (as `lead` writes it), unless the message names the column already: a column is said once. */
export function withColumn(column: string | null, message: string, lead: (column: string) => string): string {
  return columnLead(column, message, lead) + message;
}

/** What withColumn puts before the message: the led column, or nothing when the message names it. */
export function columnLead(column: string | null, message: string, lead: (column: string) => string): string {
  return column && !message.includes(column) ? lead(column) : '';
}

/** An issue's text for a list read away from the sheet: its column in 【】 first, unless the message names it. */
export function issueText(issue: Pick<Issue, 'column' | 'message'>): string {
  return withColumn(issue.column, issue.message, (c) => `【${c}】`);
}
