// Calendar days in the shop's time zone: birthdays happen on local days, not UTC ones.

export interface LocalDay {
  year: number;
  /** `MM-DD` */
  monthDay: string;
}

export function localDay(at: Date, timeZone: string): LocalDay {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: Number(part('year')), monthDay: `${part('month')}-${part('day')}` };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The birthdays (`MM-DD`) celebrated on this local day: 29 February ones on 28 February in other years. */
export function birthdaysOn(day: LocalDay): string[] {
  return day.monthDay === '02-28' && !isLeapYear(day.year) ? ['02-28', '02-29'] : [day.monthDay];
}
