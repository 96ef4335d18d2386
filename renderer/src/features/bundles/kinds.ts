import type { MergeKind } from '../../../../shared/domain/bundle';

export const KIND_LABELS: Record<MergeKind, { one: string; many: string }> = {
  event: { one: 'Event', many: 'Events' },
  party: { one: 'Party', many: 'Parties' },
  task: { one: 'Task', many: 'Tasks' },
  note: { one: 'Note', many: 'Notes' },
  evidence: { one: 'Evidence item', many: 'Evidence items' },
};

/** "eventIds" → "Event ids", "at" → "At": a record field as a person reads it. */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
