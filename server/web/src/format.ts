/** How dates and times read on the pages: China time, Chinese order. */
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export function formatTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** How long something has waited: “3 天”, “5 小时”, “刚刚”. */
export function formatAge(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60000));
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天`;
}

/**
 * Working days to a due date in words (the board's workingDaysLeft). `past` when the caller knows
 * the date has gone by (the due-date preview): a date passed over a weekend is 0 working days ago.
 */
export function daysLeftText(workingDaysLeft: number, past = workingDaysLeft < 0): string {
  if (!past) return `还有 ${workingDaysLeft} 个工作日`;
  return `已过 ${-workingDaysLeft} 个工作日`;
}
