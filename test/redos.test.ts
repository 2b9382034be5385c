/**
 * Every regular expression in the product's sources, found by parsing them (so a new one cannot be
 * left out), checked with the ReDoS checker recheck: each must be linear, because most of them read
 * cell text or an upload's XML, which anyone can fill, and one nested quantifier once turned a 4 KB
 * cell into 28 s of CPU. Then each runs on long generic inputs, and the cell-text functions on
 * their worst inputs at Excel's 32,767 characters, for the right answers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from '@swc/core';
import { checkSync } from 'recheck';
import { EXCEL_CELL_TEXT } from '../shared/src/grid';
import { NOTICE_ITEM } from '../shared/src/calendar-notice';
import { isDateText, isDateTimeText } from '../shared/src/dates';
import { checkEmail, checkLandline, checkMobile } from '../shared/src/identifiers';
import { numberOf } from '../shared/src/template/cells';
import { headerKey, quote, splitList, squeeze, trimChars } from '../shared/src/text';
import { withoutCredentials } from '../server/src/db/database-url';
import { XmlScanner } from '../server/src/xlsx/xml-scan';

const ROOT = join(__dirname, '..');
const SOURCES = ['shared/src', 'addin/src', 'server/src', 'server/web/src'];

/**
 * Patterns built at run time cannot be read from the source: each file that builds one lists
 * here every pattern it can build, and those are checked instead.
 */
const BUILT: Record<string, Array<{ source: string; flags: string }>> = {
  // The manifest's elements, by their constant names (text() and attribute()).
  'server/src/manifest/validate.ts': [
    ...['Id', 'Version'].map((e) => ({ source: `<${e}>([^<]*)</${e}>`, flags: '' })),
    ...['IconUrl', 'HighResolutionIconUrl', 'SourceLocation'].map((e) => ({ source: `<${e}\\b[^<>]*\\bDefaultValue="([^"]*)"`, flags: '' })),
  ],
  // A date or a range of dates on a line of the State Council's notice, as an admin types it.
  'shared/src/calendar-notice.ts': [{ source: NOTICE_ITEM.source, flags: NOTICE_ITEM.flags }],
};

interface Found {
  file: string;
  source: string;
  flags: string;
}

/** Regex literals, and the files that call RegExp(…), in every tracked non-test source file. */
function scanSources(): { literals: Found[]; builders: Set<string> } {
  const files = execFileSync('git', ['ls-files', ...SOURCES], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const literals: Found[] = [];
  const builders = new Set<string>();
  for (const file of files) {
    const ast = parseSync(readFileSync(join(ROOT, file), 'utf8'), { syntax: 'typescript', tsx: file.endsWith('.tsx') });
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      const n = node as { type?: string; pattern?: string; flags?: string; callee?: { type?: string; value?: string } };
      if (n.type === 'RegExpLiteral') literals.push({ file, source: n.pattern!, flags: n.flags! });
      if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee?.type === 'Identifier' && n.callee.value === 'RegExp') builders.add(file);
      for (const [key, child] of Object.entries(n)) if (key !== 'span') visit(child);
    };
    visit(ast);
  }
  return { literals, builders };
}

const { literals, builders } = scanSources();
const checked: Found[] = [...literals, ...Object.entries(BUILT).flatMap(([file, list]) => list.map((p) => ({ file, ...p })))];
/** What recheck said of each, so that the long inputs below never run a pattern it found super-linear (a hang jest cannot stop). */
const verdicts = new Map<Found, string>();
const name = (f: Found) => `${f.file} /${f.source}/${f.flags}`;

test('the sources were read: regexes found in every part, and each file that builds one lists what it builds', () => {
  expect(literals.length).toBeGreaterThan(80);
  for (const part of ['shared/src', 'addin/src', 'server/src']) expect(literals.some((f) => f.file.startsWith(part))).toBe(true);
  expect([...builders].sort()).toEqual(Object.keys(BUILT).sort());
});

describe.each(checked.map((f) => [name(f), f] as const))('%s', (_, found) => {
  // A long pattern takes recheck seconds, more on a busy machine; 'unknown' (its own time-out) fails.
  test('is linear (recheck)', () => {
    const diagnostics = checkSync(found.source, found.flags, { timeout: 100_000 });
    verdicts.set(found, diagnostics.status === 'safe' ? diagnostics.complexity.type : diagnostics.status);
    // 'safe' with complexity 'safe' or 'linear'; a vulnerable one names its attack.
    expect({ status: diagnostics.status, attack: diagnostics.status === 'vulnerable' ? diagnostics.attack.pattern : null }).toEqual({ status: 'safe', attack: null });
  }, 120_000);

  test(`finishes on ${EXCEL_CELL_TEXT.toLocaleString('en-US')}-character runs of the characters it names`, () => {
    expect(verdicts.get(found)).toMatch(/^(safe|linear)$/);
    const re = new RegExp(found.source, found.flags);
    for (const s of longInputs(found.source)) {
      re.lastIndex = 0;
      expect(typeof re.test(s)).toBe('boolean');
    }
  });
});

/** Runs of each character the pattern names, and of digits and spaces, each with a character that breaks a match at the end. */
function longInputs(source: string): string[] {
  const chars = new Set(source.replace(/\\[dDsSwWbB]|[\\^$.|?*+()[\]{}]/g, '').split(''));
  for (const c of '0a <>"\'/:\n') chars.add(c);
  const n = EXCEL_CELL_TEXT - 1;
  return [...chars].flatMap((c) => [c.repeat(n) + '\u0000', c.repeat(n >> 1) + '\u0000' + c.repeat(n >> 1)]);
}

describe(`the cell-text functions on their worst inputs, ${EXCEL_CELL_TEXT.toLocaleString('en-US')} characters long`, () => {
  const n = EXCEL_CELL_TEXT;
  const spaces = (fill: number) => ' '.repeat(fill);

  test('dates and date-times: long runs of spaces between the parts', () => {
    // The cell that took 28 s at 4,000 spaces.
    expect(isDateTimeText('2020-01-01 12:30' + spaces(n - 17) + 'x')).toBe(false);
    expect(isDateTimeText('2020-01-01' + spaces(n - 15) + '12:30')).toBe(true);
    expect(isDateTimeText('2020年1月1日' + spaces(n >> 1) + '8时' + spaces(n >> 2) + '30分')).toBe(true);
    expect(isDateTimeText('2020-01-01\u3000\u00a0 \t08:30:00')).toBe(true);
    expect(isDateTimeText('2020-01-01 25:30' + spaces(n - 16))).toBe(false);
    expect(isDateText('2020' + spaces(n - 10) + '-1-31')).toBe(true);
    expect(isDateText('2020-1-31' + spaces(n - 10) + 'x')).toBe(false);
  });

  test('headers: brackets, stars and colons by the thousand', () => {
    expect(headerKey('<'.repeat(n))).toBe('<'.repeat(n));
    expect(headerKey('['.repeat(n - 4) + '数据名称')).toBe('['.repeat(n - 4) + '数据名称');
    expect(headerKey('（'.repeat(n >> 1) + '单位）')).toBe('('.repeat((n >> 1) - 1));
    expect(headerKey('*'.repeat(n - 4) + '数据名称' )).toBe('数据名称');
    expect(headerKey('数据' + '*'.repeat(n - 4) + '名称')).toBe('数据' + '*'.repeat(n - 4) + '名称');
    expect(headerKey('名称' + '：'.repeat(n - 2))).toBe('名称');
    expect(headerKey('名称' + ':'.repeat(n - 3) + 'x')).toBe('名称' + ':'.repeat(n - 3) + 'x');
    expect(trimChars('/'.repeat(n), '/', 'end')).toBe('');
  });

  test('quoting a value, splitting a list, squeezing spaces', () => {
    expect(quote(spaces(n - 2) + '\na')).toBe('“a”');
    expect(quote(spaces(n - 1) + 'a')).toBe(`“${spaces(40)}…”`);
    expect(quote('甲 \n \n 乙')).toBe('“甲乙”');
    expect(splitList('、'.repeat(n - 2) + '接口')).toEqual(['接口']);
    expect(squeeze(spaces(n - 1) + '甲')).toBe('甲');
  });

  test('numbers written as text', () => {
    expect(numberOf('1'.repeat(n - 1) + 'x')).toBeNaN();
    expect(numberOf('1'.repeat(300))).toBe(Number('1'.repeat(300)));
    expect(numberOf('1'.repeat(n >> 1) + '.' + '5'.repeat(n >> 1))).toBeCloseTo(Number('1'.repeat(n >> 1) + '.5'));
    expect(numberOf('12.')).toBe(12);
    expect(numberOf('.5')).toBe(0.5);
  });

  test('phone numbers and e-mail addresses', () => {
    expect(checkMobile('1' + '3'.repeat(n - 1))).not.toBeNull();
    expect(checkLandline('0553-' + '3'.repeat(n - 5))).not.toBeNull();
    expect(checkEmail('a'.repeat(n - 20) + '@' + 'wuhu.'.repeat(3) + 'gov.cn')).toMatchObject({ message: expect.stringContaining('过长') });
    expect(checkEmail('li.ming@tjj.wuhu.gov.cn')).toBeNull();
    expect(checkEmail('a.'.repeat(n >> 1) + '@x')).not.toBeNull();
    expect(checkEmail('a@' + 'b-'.repeat(n >> 1) + '.cn')).not.toBeNull();
  });

  test('an upload\'s XML (scanned without regular expressions): a tag that never ends, attributes and references by the thousand', () => {
    const scan = (xml: string) => {
      const opened: string[] = [];
      const scanner = new XmlScanner({ open: (name: string) => opened.push(name), close: () => undefined, wantsText: () => true, text: () => undefined });
      const started = Date.now();
      let error: unknown = null;
      try {
        scanner.feed(xml);
        scanner.end();
      } catch (e) {
        error = e;
      }
      expect(Date.now() - started).toBeLessThan(500);
      return { opened, error };
    };
    expect(scan('<mergeCell '.repeat(n >> 3) + 'ref="A1:B2"/>').error).toMatchObject({ code: 'corrupt' });
    expect(scan(`<a ${'x="1" '.repeat(n >> 2)}/>`).opened).toEqual(['a']);
    expect(scan(`<a>${'&amp;&#x4E2D;'.repeat(n >> 2)}</a>`).error).toBeNull();
    expect(scan(`<a>${'&'.repeat(n)}</a>`).error).toMatchObject({ code: 'corrupt' });
    expect(scan(`<a x="${'"'.repeat(n)}`).error).toMatchObject({ code: 'corrupt' });
    expect(withoutCredentials('//'.repeat(n >> 1) + 'postgres://govcat:secret@db/govcat')).not.toContain('secret');
  });
});
