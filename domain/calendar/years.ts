// Statutory holidays and make-up working days (调休上班) as published by the
// General Office of the State Council each November for the following year.
// Only years whose notice was read in full are shipped; later years are
// loaded as data by an administrator (CalendarYear table, db/calendar-store.ts).
//
// `holidays` lists every day of each announced break, weekends included, so a
// reader can check it against the notice line by line; `workdays` lists the
// weekend days that are working days.
import type { CalendarYearData } from './types';
import { eachDay } from './dates';

/**
 * The shipped years, built on first use. Workflow code imports this module,
 * and the SDK evaluates every module of the bundle again for each workflow it
 * creates: built at load, these lists cost every new or replayed workflow
 * their date arithmetic (1.6% of the workflow threads' CPU over a year).
 */
export function shippedCalendarYears(): readonly CalendarYearData[] {
  shipped ??= buildShippedYears();
  return shipped;
}

let shipped: readonly CalendarYearData[] | undefined;

function buildShippedYears(): readonly CalendarYearData[] {
  /** 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号). */
  const Y2024: CalendarYearData = {
    year: 2024,
    source: '国办发明电〔2023〕7号 国务院办公厅关于2024年部分节假日安排的通知',
    holidays: [
      '2024-01-01', // 元旦 (与周末连休)
      ...eachDay('2024-02-10', '2024-02-17'), // 春节
      ...eachDay('2024-04-04', '2024-04-06'), // 清明节
      ...eachDay('2024-05-01', '2024-05-05'), // 劳动节
      '2024-06-10', // 端午节 (与周末连休)
      ...eachDay('2024-09-15', '2024-09-17'), // 中秋节
      ...eachDay('2024-10-01', '2024-10-07'), // 国庆节
    ],
    workdays: [
      '2024-02-04', '2024-02-18', // 春节
      '2024-04-07', // 清明节
      '2024-04-28', '2024-05-11', // 劳动节
      '2024-09-14', // 中秋节
      '2024-09-29', '2024-10-12', // 国庆节
    ],
  };

  /** 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号); the first year with 除夕 a statutory day. */
  const Y2025: CalendarYearData = {
    year: 2025,
    source: '国办发明电〔2024〕12号 国务院办公厅关于2025年部分节假日安排的通知',
    holidays: [
      '2025-01-01', // 元旦
      ...eachDay('2025-01-28', '2025-02-04'), // 春节
      ...eachDay('2025-04-04', '2025-04-06'), // 清明节
      ...eachDay('2025-05-01', '2025-05-05'), // 劳动节
      ...eachDay('2025-05-31', '2025-06-02'), // 端午节
      ...eachDay('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workdays: [
      '2025-01-26', '2025-02-08', // 春节
      '2025-04-27', // 劳动节
      '2025-09-28', '2025-10-11', // 国庆节、中秋节
    ],
  };

  /** 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, published 2025-11-04). */
  const Y2026: CalendarYearData = {
    year: 2026,
    source: '国办发明电〔2025〕7号 国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      ...eachDay('2026-01-01', '2026-01-03'), // 元旦
      ...eachDay('2026-02-15', '2026-02-23'), // 春节
      ...eachDay('2026-04-04', '2026-04-06'), // 清明节
      ...eachDay('2026-05-01', '2026-05-05'), // 劳动节
      ...eachDay('2026-06-19', '2026-06-21'), // 端午节
      ...eachDay('2026-09-25', '2026-09-27'), // 中秋节
      ...eachDay('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workdays: [
      '2026-01-04', // 元旦
      '2026-02-14', '2026-02-28', // 春节
      '2026-05-09', // 劳动节
      '2026-09-20', '2026-10-10', // 国庆节
    ],
  };

  return [Y2024, Y2025, Y2026];
}
