import { a1 } from './address';
import type { Issue, Report } from './report';
import { RULES, ruleMessage, type RuleId, type RuleParams, type RuleProblem } from './rules';

export interface At {
  row?: number | null;
  col?: number | null;
  column?: string | null;
  value?: string | null;
}

/**
 * Gathers issues with their counts. Counts cover every issue; the list keeps at most
 * `maxIssues`, so a sheet with a million broken cells still yields a report of bounded size.
 */
export class IssueCollector {
  readonly issues: Issue[] = [];
  errors = 0;
  warnings = 0;
  readonly bySheet: Report['counts']['bySheet'] = {};
  readonly byRule: Report['counts']['byRule'] = {};
  truncated = false;

  constructor(private readonly maxIssues: number) {}

  /** The message is rendered only for the issues kept: a broken column may fire a million times. */
  add<R extends RuleId>(sheet: string, ruleId: R, params: RuleParams<R>, at: At = {}): void {
    const severity = RULES[ruleId].severity;
    const sheetCount = (this.bySheet[sheet] ??= { errors: 0, warnings: 0 });
    if (severity === 'error') {
      this.errors++;
      sheetCount.errors++;
    } else {
      this.warnings++;
      sheetCount.warnings++;
    }
    this.byRule[ruleId] = (this.byRule[ruleId] ?? 0) + 1;
    if (this.issues.length >= this.maxIssues) {
      this.truncated = true;
      return;
    }
    const row = at.row ?? null;
    const col = at.col ?? null;
    this.issues.push({
      sheet,
      cell: row !== null && col !== null ? a1(row, col) : null,
      row,
      col,
      column: at.column ?? null,
      ruleId,
      severity,
      message: ruleMessage(ruleId, params),
      value: at.value ?? null,
    });
  }

  /** A view bound to one sheet, so rules need not repeat its name. */
  forSheet(sheet: string): SheetIssues {
    return (ruleId, params, at) => this.add(sheet, ruleId, params, at);
  }
}

export type SheetIssues = <R extends RuleId>(ruleId: R, params: RuleParams<R>, at?: At) => void;

/** Reports a problem a check compiled ahead (its rule is known only at run time). */
export function raise(report: SheetIssues, p: RuleProblem, at?: At): void {
  (report as (ruleId: RuleId, params: unknown, at?: At) => void)(p.ruleId, p.params, at);
}
