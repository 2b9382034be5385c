/**
 * Every rule's own examples (declared in rules.ts) run here: the fire example must raise the rule
 * (at its cell, when one is declared), the quiet one must not. A rule without both examples does
 * not compile; this file also checks each message template against the parameters the checks pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from './report';
import { renderMessage, RULES, SEED_TITLES, type RuleDecl, type RuleId } from './rules';
import { SHEET_DEFS } from './sheets';
import { conditionalColumns } from './checks/required-when';
import { validateWorkbook } from './validate';
import { UNRECOGNISED_HEADER_TEXT } from './vocabulary';

const fired = (r: Report, rule: RuleId) => r.issues.filter((i) => i.ruleId === rule);
const entries = Object.entries(RULES) as Array<[RuleId, RuleDecl]>;

test('every rule has a title, a description, a message and both examples', () => {
  for (const [id, rule] of entries) {
    expect([id, rule.title.length > 0, rule.description.length > 0, rule.message.length > 0]).toEqual([id, true, true, true]);
    expect([id, typeof rule.examples.fire.book, typeof rule.examples.quiet.book]).toEqual([id, 'function', 'function']);
    expect([id, rule.examples.fire.note.length > 0 && rule.examples.quiet.note.length > 0]).toEqual([id, true]);
  }
});

describe.each(entries)('%s', (id, rule) => {
  test('fires on its fire example', () => {
    const { fire } = rule.examples;
    const issues = fired(validateWorkbook(fire.book(), fire.options?.()), id);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].severity).toBe(rule.severity);
    expect(issues[0].message).toMatch(/[\u4e00-\u9fff]/);
    // A parameter the check did not pass would stay in braces.
    expect(issues.map((i) => i.message).join('\n')).not.toMatch(/\{\w+\}/);
    if (fire.cell) expect(issues[0].cell).toBe(fire.cell);
  });
  test('keeps quiet on its quiet example', () => {
    const { quiet } = rule.examples;
    expect(fired(validateWorkbook(quiet.book(), quiet.options?.()), id)).toEqual([]);
  });
});

test('every conditional column names a column of its sheet kind and a rule that exists', () => {
  for (const def of SHEET_DEFS) {
    for (const c of conditionalColumns(def.columns)) expect(RULES[c.when.rule]).toBeDefined();
  }
});

test('a message template fills named parameters and leaves unknown ones visible', () => {
  expect(renderMessage('{label}应为正整数，当前为{value}', { label: '序号', value: '“第一”' })).toBe('序号应为正整数，当前为“第一”');
  expect(renderMessage('第 {row} 行{missing}', { row: 3 })).toBe('第 3 行{missing}');
});

test('every cited article is quoted in docs/regulations.md, under the seed it belongs to', () => {
  const doc = readFileSync(join(__dirname, '../../docs/regulations.md'), 'utf8');
  const headings = new Set(doc.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4)));
  for (const [id, rule] of entries) {
    if (rule.source) expect([id, headings.has(`${rule.source.source} ${rule.source.article}`)]).toEqual([id, true]);
  }
  for (const [seed, title] of Object.entries(SEED_TITLES)) expect(doc).toContain(`## ${seed} ${title}`);
});

test('the unrecognised-sheet rule says which rows and sheet kinds were looked for as the vocabulary does', () => {
  // The message stays a literal so its parameters are type-checked; this keeps its words one fact.
  expect(RULES['sheet.unrecognised'].message).toContain(UNRECOGNISED_HEADER_TEXT);
});
