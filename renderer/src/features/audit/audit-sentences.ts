import type { AuditEntry } from '../../../../shared/domain/audit';
import { jurisdictionName } from '../../../../shared/jurisdictions/jurisdictions';

/** What an action did, in words; actions not listed are read from their name ("party.action_added"). */
const ACTIONS: Record<string, string> = {
  'case.created': 'Case created',
  'case.updated': 'Case record changed',
  'casefile.decrypted': 'Encryption removed from the case file',
  'casefile.encrypted': 'Case file encrypted',
  'casefile.recovered': 'Case file recovered',
  'casefile.rekeyed': 'Passphrase changed',
  'casefile.upgraded': 'Case file upgraded',
  'demo.built': 'Demo case built',
  'document.imported': 'Case document imported',
  'facts.updated': 'Facts changed',
  'data_element.created': 'Data element added',
  'data_element.updated': 'Data element changed',
  'data_element.deleted': 'Data element removed',
  'population.set': 'People affected recorded',
  'population.deleted': 'People affected removed',
  'population.imported': 'People affected imported from CSV',
  'party.created': 'Party added',
  'party.updated': 'Party changed',
  'party.deleted': 'Party removed',
  'party.action_added': 'Party action recorded',
  'party.action_deleted': 'Party action removed',
  'event.created': 'Event added',
  'event.updated': 'Event changed',
  'event.deleted': 'Event removed',
  'event.imported': 'Events imported from CSV',
  'task.created': 'Task added',
  'task.updated': 'Task changed',
  'task.completed': 'Task completed',
  'task.deleted': 'Task removed',
  'note.created': 'Note added',
  'note.updated': 'Note changed',
  'note.deleted': 'Note removed',
  'evidence.added': 'Evidence added',
  'evidence.updated': 'Evidence details changed',
  'evidence.custody_recorded': 'Custody recorded',
  'evidence.exported': 'Evidence exported',
  'evidence.verified': 'Evidence verified',
  'evidence.intake_abandoned': 'Evidence intake abandoned',
  'evidence.intake_cancelled': 'Evidence intake cancelled',
  'evidence.intake_failed': 'Evidence intake failed',
  'obligation.status_recorded': 'Notice status recorded',
  'assessment.saved': 'Severity assessment saved',
  'assessment.decision_confirmed': 'Risk decision confirmed',
  'harm.determined': 'Harm decision recorded',
  'harm.cleared': 'Harm decision cleared',
  'letter.drafted': 'Letter drafted',
  'letter.saved': 'Letter saved',
  'letter.frozen': 'Letter merge fields frozen',
  'letter.updated': 'Letter details changed',
  'letter.status_changed': 'Letter status changed',
  'letter.rendered': 'Letter exported',
  'bundle.exported': 'Case bundle exported',
  'bundle.imported': 'Case bundle imported',
  'bundle.merged': 'Case bundle merged',
  'bundle.conflict_resolved': 'Merge conflict resolved',
};

const STATUS_WORDS: Record<string, string> = {
  todo: 'to do',
  drafting: 'drafting',
  sent: 'sent',
  not_required: 'not required',
  draft: 'draft',
  in_review: 'in review',
  approved: 'approved',
};

/** Actions whose payload's from/to are statuses. */
const STATUS_ACTIONS = new Set(['obligation.status_recorded', 'letter.status_changed']);

const FORMATS: Record<string, string> = { pdf: 'PDF', docx: 'Word', html: 'HTML' };

type Payload = Record<string, unknown>;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const objectOf = (value: unknown): Payload =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : {};

/** A field of an edit's payload ({field: {from, to}}): its new value, if it is text. */
const changedTo = (payload: Payload, field: string): string | null => text(objectOf(payload[field])['to']);

/** The fields an edit changed ({field: {from, to}}), in words: "title, status". */
function changedFields(payload: Payload): string {
  return Object.entries(payload)
    .filter(([, value]) => 'to' in objectOf(value))
    .map(([field]) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(', ');
}

/** The name an entry's payload gives its target, if it gives one. */
function nameIn(payload: Payload): string | null {
  const inner = objectOf(payload['after'] ?? payload['record']);
  return (
    text(payload['title']) ??
    text(payload['name']) ??
    text(payload['customLabel']) ??
    changedTo(payload, 'title') ??
    changedTo(payload, 'name') ??
    text(inner['title']) ??
    text(inner['name']) ??
    null
  );
}

/**
 * The names of targets as the entries give them (a letter's title when it was drafted, an
 * event's when it was added), so that later entries about the same target can name it.
 */
export function targetNames(
  entries: readonly AuditEntry[],
  known: ReadonlyMap<string, string>,
): Map<string, string> {
  const names = new Map(known);
  // Oldest first: a later name (a renamed letter) wins.
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const name = nameIn(objectOf(entry.payload));
    if (name !== null) names.set(entry.target, name);
  }
  return names;
}

/** "Party action added" from "party.action_added", for actions without words of their own. */
function fromActionName(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function jurisdictionOf(target: string, payload: Payload): string | null {
  const code = target.startsWith('population:') || target.startsWith('harm:') ? target.split(':')[1] : null;
  const fromPayload = payload['after'] ?? payload['before'];
  const row = fromPayload === undefined || fromPayload === null ? payload : objectOf(fromPayload);
  const jurisdiction = text(row['jurisdiction']) ?? code ?? null;
  return jurisdiction === null ? null : jurisdictionName(jurisdiction);
}

/** What followed the name: a letter's version, a status's new value, an export's format. */
function detailOf(entry: AuditEntry, payload: Payload): string {
  const parts: string[] = [];
  if (entry.action === 'letter.drafted') parts.push('v1');
  if (typeof payload['version'] === 'number' && entry.action.startsWith('letter.'))
    parts.push(`v${payload['version']}`);
  const to = STATUS_ACTIONS.has(entry.action) ? text(payload['to']) : null;
  if (to !== null) {
    const from = text(payload['from']);
    const toWords = STATUS_WORDS[to] ?? to;
    parts.push(from === null ? `now ${toWords}` : `${STATUS_WORDS[from] ?? from} → ${toWords}`);
  }
  const format = text(payload['format']);
  if (format !== null && entry.action === 'letter.rendered') parts.push(`as ${FORMATS[format] ?? format}`);
  if (entry.action.endsWith('.updated') && entry.action !== 'evidence.updated') {
    const fields = changedFields(payload);
    if (fields !== '') parts.push(`(${fields})`);
  }
  return parts.join(', ');
}

/**
 * One audit entry as a sentence a person reads: what happened, and to what, by its name
 * ("Letter drafted: California notice v1", "Task completed: Notify IMY"). The raw action,
 * target and payload stay on the row for investigators.
 */
export function auditSentence(entry: AuditEntry, names: ReadonlyMap<string, string>): string {
  const payload = objectOf(entry.payload);
  let what = ACTIONS[entry.action] ?? fromActionName(entry.action);
  // A task whose status changed to done reads as completed.
  if (entry.action === 'task.updated' && changedTo(payload, 'status') === 'done') what = 'Task completed';
  const name = nameIn(payload) ?? names.get(entry.target) ?? jurisdictionOf(entry.target, payload);
  const detail = detailOf(entry, payload);
  const object = [name, detail].filter((part) => part !== null && part !== '').join(' ');
  return object === '' ? what : `${what}: ${object}`;
}
