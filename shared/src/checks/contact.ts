import type { SheetIssues } from '../collector';
import { blankCell, type ParsedSheet } from '../parse';

/** Contact form (seed 001 annex 3): every contact can be reached by phone. */
export function checkContact(sheet: ParsedSheet, report: SheetIssues): void {
  for (const r of sheet.rows) {
    if (!r.fields.officePhone && !r.fields.mobile) {
      const key = sheet.columns.some((c) => c.def.key === 'mobile') ? 'mobile' : 'officePhone';
      report('contact.phone-required', {}, blankCell(sheet, key, r.row));
    }
  }
}
