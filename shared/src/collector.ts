import { a1 } from './address';
import type { Issue, Report } from './report';
import { RULES, type RuleId } from './rules';

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

  add(sheet: string, ruleId: RuleId, message: string, at: At = {}): void {
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
      message,
      value: at.value ?? null,
    });
  }

  /** A view bound to one sheet, so rules need not repeat its name. */
  forSheet(sheet: string): SheetIssues {
    return (ruleId, message, at) => this.add(sheet, ruleId, message, at);
  }
}

export type SheetIssues = (ruleId: RuleId, message: string, at?: At) => void;
