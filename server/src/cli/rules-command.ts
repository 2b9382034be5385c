import { levelText, ruleReference, type ReferenceRule } from '../../../shared/src';
import type { CliIo } from './io';

/**
 * `govcat rules`: the rule reference (填报说明) generated from the engine's column tables and rule
 * declarations — per sheet kind each column, what it accepts, when it is required and which rules
 * check it, then every rule with its source and examples. `--json` prints the same data.
 */
export function rulesCommand(opts: { json?: boolean }, io: CliIo): number {
  const ref = ruleReference();
  if (opts.json) {
    io.stdout(`${JSON.stringify(ref, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [`govcat 填报说明（校验引擎 ${ref.engineVersion}）：${ref.kinds.length} 种表格，${ref.rules.length} 条规则`, ''];
  for (const k of ref.kinds) {
    out.push(`■ ${k.label}`);
    for (const c of k.columns) {
      const also = c.synonyms.length ? `（也可写作：${c.synonyms.join('、')}）` : '';
      out.push(`  ${c.label}${also}  ${c.required.text}，${levelText(c.level)}`);
      out.push(`      取值：${c.values ? `${c.accepts}：${c.values.join('、')}` : c.accepts}`);
      if (c.help) out.push(`      说明：${c.help}`);
      if (c.rules.length) out.push(`      规则：${c.rules.join(' ')}`);
    }
    if (k.columns.length === 0) out.push('  每个信息项一列，按目录中的数据类型和数据长度校验');
    out.push(`  整表的规则：${k.rules.join(' ')}`, '');
  }
  out.push('■ 规则');
  for (const r of ref.rules) out.push(...ruleLines(r));
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function ruleLines(r: ReferenceRule): string[] {
  const source = r.source ? `依据：${r.source.source} ${r.source.title} ${r.source.article}` : r.standard ? `依据：${r.standard}` : '依据：Excel 或本系统的限制';
  return [
    `  ${r.severity === 'error' ? '✗ 错误' : '! 警告'}  ${r.title}  [${r.id}]`,
    `      ${r.description}`,
    `      ${source}${r.source && r.standard ? `；${r.standard}` : ''}`,
    `      触发示例：${r.examples.fire.note}${r.examples.fire.cell ? `（${r.examples.fire.cell}）` : ''} → ${r.examples.fire.message ?? ''}`,
    `      通过示例：${r.examples.quiet.note}`,
  ];
}
