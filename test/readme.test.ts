import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference } from '../server/src/config';
import { formatReport } from '../server/src/cli/format-report';
import { validateWorkbook } from '../shared/src';
import { seedCatalogue, seedDemand } from './fixtures/seed-000';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

test('the README shows the two commands', () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toContain('npm test');
});

test('the README’s configuration table names every variable the server reads', () => {
  const missing = configReference().filter((v) => !readme.includes(`| \`${v.name}\` |`));
  expect(missing).toEqual([]);
});

test('the README’s sample report is what the CLI prints for the seed 000 catalogue', () => {
  const sample = /报告示例[^\n]*\n+```\n([\s\S]*?)```/.exec(readme)![1];
  const squeezed = (s: string) => s.replace(/\s+/g, ' ').trim();
  const printed = formatReport(validateWorkbook({ sheets: [seedCatalogue(), seedDemand()] }), 'seed-000.xlsx', 1000).split('\n').map(squeezed);
  const lines = sample.split('\n').map(squeezed).filter((l) => l !== '' && l !== '...');
  expect(lines.length).toBeGreaterThan(3);
  // A line cut short with “…” in the README matches the start of the printed one.
  const missing = lines.filter((l) => !printed.some((p) => (l.endsWith('…') ? p.startsWith(l.slice(0, -1)) : p === l)));
  expect(missing).toEqual([]);
});
