import type { ChannelOutput } from '../../../shared/ipc/contract';
import { effectiveRangeText } from '../../../shared/obligations/effective-range';
import { fieldLabel } from '../../../shared/obligations/rule-pack-diff';
import { rulePackSourceText } from '../../../shared/obligations/rule-pack-source';

type Update = ChannelOutput<'rules.preview'>;
type Diff = Update['diff'];

function stamp(pack: Diff['from']): string {
  return `${pack.id} ${pack.version} (published ${pack.published})`;
}

/** What `rules import` prints before installing (or instead of it, with --dry-run): rule by rule. */
export function describeUpdate(update: Update): string[] {
  const { diff } = update;
  const section = <T>(title: string, rows: T[], line: (row: T) => string): string[] =>
    rows.length === 0 ? [] : ['', `${title} (${rows.length}):`, ...rows.map(line)];
  return [
    `Rule pack ${stamp(diff.from)} → ${stamp(diff.to)}`,
    `Signed by ${update.signer.fingerprint} (${update.signer.label}) on ${update.signedAt.slice(0, 10)}.`,
    `Active now: ${rulePackSourceText(update.current)}`,
    ...section(
      'Added',
      diff.added,
      (r) => `  + ${r.id}  ${r.jurisdiction}  ${r.title}  (in force ${effectiveRangeText([r])})`,
    ),
    ...section('Changed', diff.changed, (r) => {
      const was = effectiveRangeText([r.before]);
      const now = effectiveRangeText([r]);
      const dates = was === now ? `in force ${now}` : `in force ${now}, was ${was}`;
      return `  ~ ${r.id}  ${r.jurisdiction}  ${r.title}: ${r.fields.map(fieldLabel).join(', ')}  (${dates})`;
    }),
    ...section(
      'Retired',
      diff.retired,
      (r) => `  - ${r.id}  ${r.jurisdiction}  ${r.title}  (was in force ${effectiveRangeText([r])})`,
    ),
    '',
    ...(diff.packFields.length === 0
      ? []
      : [`Also changed in the pack: ${diff.packFields.map(fieldLabel).join(', ')}.`]),
    `${diff.added.length} added, ${diff.changed.length} changed, ${diff.retired.length} retired, ${diff.unchanged} unchanged.`,
  ];
}
