/** The first and last day (`yyyy-MM-dd`) of the month of `day`. */
export function monthSpan(day: string): { startDay: string; endDay: string } {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { startDay: `${day.slice(0, 7)}-01`, endDay: `${day.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}
