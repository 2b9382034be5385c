import type { SheetIssues } from '../collector';
import { DEMAND_SCENE } from '../codes';
import { blankCell, type ParsedSheet } from '../parse';
import { findResource, type CatalogueResource } from '../resources';
import { fold, quote } from '../text';

/** Demand list rules (DOMAIN.md §2, seed 001 annex 2), per row. */
export function checkDemand(sheet: ParsedSheet, report: SheetIssues, catalogue: readonly CatalogueResource[] | null): void {
  const has = (key: string) => sheet.columns.some((c) => c.def.key === key);
  for (const r of sheet.rows) {
    const f = r.fields;

    if (f.applied?.norm === '是' && !f.rejectionReason && has('rejectionReason')) {
      report('demand.rejection-reason', '是否已申请为“是”时须填写驳回理由；如申请已通过，请写“申请已通过”', blankCell(sheet, 'rejectionReason', r.row));
    }

    const provider = f.provider;
    if (provider && !provider.inherited && /[、,，;；/]|和|及/.test(fold(provider.text))) {
      report('demand.one-provider', `一条需求只能对应一个提供部门，${quote(provider.text)}含多个部门，请拆成多行，每行一个部门`, { row: provider.row, col: provider.col, column: provider.header, value: provider.text });
    }

    if (has('scene')) {
      const scene = f.scene;
      if (!scene || !DEMAND_SCENE.entries.some((e) => scene.text.includes(e.value))) {
        report('demand.scene', '应用场景须写明减材料、减填写或业务协同（可多选），并写明所服务的办理事项', scene ? { row: scene.row, col: scene.col, column: scene.header, value: scene.text } : blankCell(sheet, 'scene', r.row));
      }
    }

    if (has('demandItems') && !f.demandItems) {
      report('demand.items', '请列出所需的信息项（用顿号分隔），便于提供部门核对', blankCell(sheet, 'demandItems', r.row));
    }

    // Only against a catalogue we know: the consolidated one on the server, or one in the workbook.
    if (catalogue && f.demandName && !f.sourceBasis) {
      const found = findResource(catalogue, { name: f.demandName.text, department: provider?.text ?? null });
      if (!found) {
        report('demand.source-basis', `目录中没有${quote(f.demandName.text)}，请填写数据来源依据（法律法规规定或确切掌握的数据汇聚情况）`, blankCell(sheet, 'sourceBasis', r.row));
      }
    }
  }
}
