const counts = new Intl.NumberFormat('en-GB');

/** Counts with thousands separators: "350,000". */
export function formatCount(value: number): string {
  return counts.format(value);
}
