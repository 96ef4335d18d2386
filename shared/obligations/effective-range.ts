interface Dated {
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/**
 * When a set of rules is in force, as "FROM → TO": the earliest start and the latest end
 * (YYYY-MM-DD), "open" where one of the rules has no start or no end date.
 */
export function effectiveRangeText(rules: readonly Dated[]): string {
  const starts = rules.map((r) => r.effectiveFrom);
  const ends = rules.map((r) => r.effectiveTo);
  const from = starts.some((d) => d === null) ? null : (starts as string[]).sort()[0];
  const to = ends.some((d) => d === null) ? null : (ends as string[]).sort().at(-1);
  return `${from ?? 'open'} → ${to ?? 'open'}`;
}
