import type { Selectable } from 'kysely';
import type { CalendarYearsTable } from '../../../db/schema';
import type { BureauCalendarYear, TaskRepository } from '../repository';
import { now, type RepoContext } from '../../../db/repository-context';

function toYear(row: Selectable<CalendarYearsTable>): BureauCalendarYear {
  return {
    year: row.year,
    holidays: JSON.parse(row.holidays) as string[],
    workdays: JSON.parse(row.workdays) as string[],
    notice: row.notice,
    source: row.source,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function calendarYearsRepository({ db }: RepoContext): TaskRepository['calendarYears'] {
  return {
    async list() {
      return (await db.selectFrom('calendar_years').selectAll().orderBy('year').execute()).map(toYear);
    },

    async put(input) {
      const values = {
        notice: input.notice,
        holidays: JSON.stringify(input.holidays),
        workdays: JSON.stringify(input.workdays),
        source: input.source,
        updated_by: input.updatedBy,
        updated_at: now(),
      };
      const row = await db
        .insertInto('calendar_years')
        .values({ year: input.year, ...values })
        .onConflict((oc) => oc.column('year').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toYear(row);
    },

    async delete(year) {
      const r = await db.deleteFrom('calendar_years').where('year', '=', year).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
