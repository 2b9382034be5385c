/**
 * A module reaches another module through that module's service, never its repository members:
 * submissions asking `store.users…` directly would tie it to identity's data. Read from the source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const MODULES = join(__dirname, '..', 'server', 'src', 'modules');
const OWNS: Record<string, string[]> = {
  identity: ['departments', 'users', 'tokens', 'sessions', 'rateLimits', 'settings'],
  submissions: ['submissions', 'checkedUploads', 'recordSubmission'],
  tasks: ['tasks', 'calendarYears'],
  audit: ['audit'],
  catalogue: [],
  // The rule reference: pages built from the engine's declarations, no data of its own.
  help: [],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

test('the modules named here are the modules there are', () => {
  const folders = readdirSync(MODULES).filter((n) => statSync(join(MODULES, n)).isDirectory());
  expect(folders.sort()).toEqual(Object.keys(OWNS).sort());
});

test.each(Object.keys(OWNS))('%s uses no other module’s repository members, nor its repository implementation', (module) => {
  const foreign = Object.entries(OWNS).flatMap(([other, members]) => (other === module ? [] : members));
  const access = new RegExp(String.raw`\b(?:store|tx|repo|deps\.store|this\.store)\.(${foreign.join('|')})\b`);
  const found: string[] = [];
  for (const file of sources(join(MODULES, module))) {
    // The module's own service is the gate: it may hand out its own members, never another's.
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const where = `${relative(MODULES, file)}:${i + 1}`;
      if (access.test(line)) found.push(`${where} ${line.trim()}`);
      const imported = /from '(\.\.\/(\w+)\/repository\/[^']*|\.\.\/\.\.\/(\w+)\/repository\/[^']*)'/.exec(line);
      if (imported) found.push(`${where} imports another module's repository implementation`);
    });
  }
  expect(found).toEqual([]);
});

test.each(Object.keys(OWNS))('%s takes its own contract and other modules’ services, never the whole Store', (module) => {
  // `Store` is every module's repository together: a module naming it could reach any of them.
  const whole = /(?<![\w$])Store(?![\w$])/;
  const found: string[] = [];
  for (const file of sources(join(MODULES, module))) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '').trim();
      if (code.startsWith('*') || code.startsWith('/*')) return;
      if (whole.test(code)) found.push(`${relative(MODULES, file)}:${i + 1} ${code}`);
      if (/\bfrom '(?:\.\.\/)+db\/store'/.test(code) && /import\s+(?:type\s+)?\*/.test(code)) found.push(`${relative(MODULES, file)}:${i + 1} imports all of db/store`);
    });
  }
  expect(found).toEqual([]);
});
