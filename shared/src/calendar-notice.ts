import { DATE_TEXT, isValidYmd, MS_PER_DAY } from './dates';
import { isoDate, yearOf, type CalendarYear } from './calendar';

/**
 * A year's holidays as an admin types them from the State Council's notice, one arrangement a
 * line: "2027-01-01 至 2027-01-03 放假", "2027-02-07 上班", "2027-02-07、2027-02-20 上班".
 * A label before a colon ("元旦：…") and lines starting with # are ignored, so the notice's own
 * wording can stay beside the dates. Dates may also be written 2027/1/1 or 2027年1月1日.
 */
export interface NoticeProblem {
  /** 1-based line number. */
  line: number;
  message: string;
}

export type ParsedNotice = { ok: true; year: CalendarYear } | { ok: false; problems: NoticeProblem[] };

export const NOTICE_EXAMPLE = '2027-01-01 至 2027-01-03 放假\n2027-02-07 上班';

const DATE = String.raw`\d{4}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}\s*日?`;
/** Exported for the ReDoS test, which cannot read a pattern built at run time from the source. */
export const NOTICE_ITEM = new RegExp(String.raw`(${DATE})(?:\s*(?:至|到|~|～|—|–)\s*(${DATE}))?`, 'g');
const KIND = /(放假|休息|休|上班|补班|班)\s*[。.]?$/;
/** A holiday longer than this is a typo (the longest, Spring Festival, is 9 days). */
const MAX_RANGE_DAYS = 31;

function utcOf(text: string): number | null {
  const m = DATE_TEXT.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? Date.UTC(y, mo - 1, d) : null;
}

export function parseNotice(year: number, text: string): ParsedNotice {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const problems: NoticeProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    // A label before the first colon ("元旦："), found without a regex that could backtrack on a long line.
    const colon = raw.search(/[:：]/);
    const body = (colon >= 0 && !/[0-9#]/.test(raw.slice(0, colon)) ? raw.slice(colon + 1) : raw).trim();
    if (!body || body.startsWith('#')) return;
    const kind = KIND.exec(body);
    const dates = kind ? body.slice(0, kind.index) : body;
    const items = [...dates.matchAll(NOTICE_ITEM)];
    const leftover = dates.replace(NOTICE_ITEM, '').replace(/[\s、，,;；和及]/g, '');
    if (!kind || items.length === 0 || leftover) {
      problems.push({ line, message: `第 ${line} 行无法识别：应写成“${year}-01-01 至 ${year}-01-03 放假”或“${year}-02-07 上班”` });
      return;
    }
    const target = /上班|班/.test(kind[1]) ? workdays : holidays;
    for (const item of items) {
      const from = utcOf(item[1]);
      const to = item[2] ? utcOf(item[2]) : from;
      if (from === null || to === null) {
        problems.push({ line, message: `第 ${line} 行有不存在的日期：${item[0].trim()}` });
        continue;
      }
      if (to < from) {
        problems.push({ line, message: `第 ${line} 行的结束日期早于开始日期：${item[0].trim()}` });
        continue;
      }
      if ((to - from) / MS_PER_DAY >= MAX_RANGE_DAYS) {
        problems.push({ line, message: `第 ${line} 行的假期超过 ${MAX_RANGE_DAYS} 天，请检查：${item[0].trim()}` });
        continue;
      }
      for (let utc = from; utc <= to; utc += MS_PER_DAY) {
        const iso = isoDate(utc);
        if (yearOf(iso) !== year) {
          problems.push({ line, message: `第 ${line} 行的 ${iso} 不在 ${year} 年` });
          break;
        }
        target.add(iso);
      }
    }
  });
  for (const d of holidays) if (workdays.has(d)) problems.push({ line: 0, message: `${d} 既写了放假又写了上班，请只保留一种` });
  if (problems.length === 0 && holidays.size === 0) problems.push({ line: 0, message: `没有录入任何放假日期；请按国务院通知逐行填写，如“${year}-01-01 至 ${year}-01-03 放假”` });
  if (problems.length) return { ok: false, problems };
  return { ok: true, year: { year, holidays: [...holidays].sort(), workdays: [...workdays].sort() } };
}
