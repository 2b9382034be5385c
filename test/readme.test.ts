import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference } from '../server/src/config';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

test('the README shows the two commands', () => {
  expect(readme).toContain('npm install && npm start');
  expect(readme).toContain('npm test');
});

test('the README’s configuration table names every variable the server reads', () => {
  const missing = configReference().filter((v) => !readme.includes(`| \`${v.name}\` |`));
  expect(missing).toEqual([]);
});
