import { z } from 'zod';
import { SHEET_KINDS } from './vocabulary';

/**
 * The engine's output. Plain data with zod schemas, so the add-in, the server's API, the CLI and
 * the review pages all read the same declaration.
 */
export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

export const SheetKindSchema = z.enum(SHEET_KINDS);
export type SheetKind = z.infer<typeof SheetKindSchema>;

export const IssueSchema = z.object({
  sheet: z.string(),
  /** A1 address of the offending cell; null for an issue about a whole sheet or row. */
  cell: z.string().nullable(),
  /** 1-based sheet row; null for an issue about the whole sheet. */
  row: z.number().int().nullable(),
  /** 1-based sheet column; null when the issue is about a row or sheet. */
  col: z.number().int().nullable(),
  /** The column's header as the clerk wrote it (or the standard name for a missing column). */
  column: z.string().nullable(),
  ruleId: z.string(),
  severity: SeveritySchema,
  message: z.string(),
  /** The offending value as text, when there is one. */
  value: z.string().nullable(),
});
export type Issue = z.infer<typeof IssueSchema>;

export const TemplateInfoSchema = z.object({
  resourceName: z.string(),
  resourceCode: z.string().nullable(),
  department: z.string().nullable(),
  version: z.number().int().nullable(),
  period: z.string().nullable(),
  zeroReport: z.boolean(),
  /** How the template found its resource: its identity row, or by matching headers. */
  matchedBy: z.enum(['marker', 'headers']),
});
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>;

export const SheetSummarySchema = z.object({
  name: z.string(),
  kind: SheetKindSchema.nullable(),
  kindLabel: z.string(),
  headerRow: z.number().int().nullable(),
  dataRows: z.number().int(),
  resources: z.number().int().nullable(),
  template: TemplateInfoSchema.nullable(),
});
export type SheetSummary = z.infer<typeof SheetSummarySchema>;

const CountSchema = z.object({ errors: z.number().int(), warnings: z.number().int() });

export const ReportSchema = z.object({
  engineVersion: z.string(),
  sheets: z.array(SheetSummarySchema),
  issues: z.array(IssueSchema),
  counts: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    bySheet: z.record(z.string(), CountSchema),
    byRule: z.record(z.string(), z.number().int()),
  }),
  /** True when more issues were found than the report keeps; counts still cover all of them. */
  truncated: z.boolean(),
});
export type Report = z.infer<typeof ReportSchema>;

// 1.1: resource issues on the resource's own row, catalogue.empty, residence-permit and permanent-residence numbers.
export const ENGINE_VERSION = '1.1.0';
