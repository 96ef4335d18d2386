/**
 * Timeline CSV of synthetic partner calls `from` (inclusive) to `to` (exclusive), one a minute
 * from 2020-04-09 08:00 UTC: the large timelines of the e2e test and the timeline benchmark.
 */
export function csvOfEvents(from: number, to: number): string {
  const start = Date.UTC(2020, 3, 9, 8, 0);
  const lines = ['time,zone,title,precision,end,detail,source,tags'];
  for (let i = from; i < to; i += 1) {
    const time = new Date(start + i * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    lines.push(
      `${time},UTC,Partner call ${i + 1},,,Synthetic access-log line ${i + 1},access log,partner-sync`,
    );
  }
  return `${lines.join('\n')}\n`;
}
