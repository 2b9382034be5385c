import { groupIssues, type Report } from '../../../shared/src';

/**
 * The CLI's readable report: grouped by sheet and rule, errors first, each issue with its cell.
 * At most `perRule` issues are listed per rule unless asked for all.
 */
export function formatReport(report: Report, file: string, perRule = 20): string {
  const lines: string[] = [`校验文件：${file}`, ''];
  for (const s of groupIssues(report)) {
    const info = s.summary;
    const facts = info?.kind
      ? [info.kindLabel, info.headerRow ? `表头在第 ${info.headerRow} 行` : null, `${info.dataRows} 行数据`, info.resources !== null ? `${info.resources} 条资源` : null, info.template ? `资源“${info.template.resourceName}”${info.template.zeroReport ? '，零上报' : ''}` : null]
      : ['未识别'];
    lines.push(`工作表“${s.sheet}”（${facts.filter(Boolean).join('，')}）：${s.errors} 个错误，${s.warnings} 个警告`);
    for (const g of s.groups) {
      lines.push(`  ${g.severity === 'error' ? '✗ 错误' : '! 警告'}  ${g.title}（${g.count} 处）  [${g.ruleId}]`);
      for (const issue of g.issues.slice(0, perRule)) {
        const where = issue.cell ?? (issue.row ? `第 ${issue.row} 行` : '整张表');
        lines.push(`      ${where.padEnd(7)} ${issue.message}`);
      }
      if (g.issues.length > perRule) lines.push(`      …还有 ${g.issues.length - perRule} 处（加 --all 显示全部）`);
    }
    lines.push('');
  }
  lines.push(`合计：${report.counts.errors} 个错误，${report.counts.warnings} 个警告${report.truncated ? `（问题过多，只列出前 ${report.issues.length} 个；计数包含全部）` : ''}`);
  lines.push(report.counts.errors === 0 ? '结论：没有错误，可以提交。' : '结论：有错误，请按上面的提示逐项修改后重新校验。');
  return lines.join('\n') + '\n';
}
