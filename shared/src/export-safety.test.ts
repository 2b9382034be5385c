import { neutraliseFormula } from './export-safety';

test('text a spreadsheet would run as a formula is made plain text; other text is left alone', () => {
  for (const risky of ['=1+1', '=HYPERLINK("http://x","点我")', '+86 553', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
    expect(neutraliseFormula(risky)).toBe(`'${risky}`);
  }
  for (const plain of ['芜湖市统计局', '1+1', 'a=b', '', "'already"]) expect(neutraliseFormula(plain)).toBe(plain);
});
