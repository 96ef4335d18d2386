import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain/audit';
import { auditSentence, targetNames } from '../../renderer/src/features/audit/audit-sentences';

let seq = 0;
function entry(action: string, target: string, payload: unknown): AuditEntry {
  seq += 1;
  return {
    seq,
    at: '2020-11-17T10:00:00.000Z',
    actor: 'Ana',
    action,
    target,
    payload,
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
  };
}

describe('audit rows as sentences', () => {
  it('names what happened and to what, from the payload or an earlier entry about the same target', () => {
    const drafted = entry('letter.drafted', 'letter:l1', {
      title: 'California notice',
      templateId: 'ca',
      obligationRuleId: null,
    });
    const saved = entry('letter.saved', 'letter:l1', { version: 3 });
    const status = entry('letter.status_changed', 'letter:l1', {
      from: 'in_review',
      to: 'approved',
      version: 3,
    });
    const rendered = entry('letter.rendered', 'letter:l1', {
      format: 'pdf',
      path: '/x.pdf',
      bytes: 1,
      sha256: 'a',
    });
    const task = entry('task.created', 'task:t1', { id: 't1', title: 'Notify IMY', status: 'open' });
    const done = entry('task.updated', 'task:t1', { status: { from: 'open', to: 'done' } });
    const names = targetNames([drafted, saved, status, rendered, task, done], new Map());
    expect(auditSentence(drafted, names)).toBe('Letter drafted: California notice v1');
    expect(auditSentence(saved, names)).toBe('Letter saved: California notice v3');
    expect(auditSentence(status, names)).toBe(
      'Letter status changed: California notice v3, in review → approved',
    );
    expect(auditSentence(rendered, names)).toBe('Letter exported: California notice as PDF');
    expect(auditSentence(done, names)).toBe('Task completed: Notify IMY (status)');
  });

  it('names a notice by the title the app knows, a population by its jurisdiction, an edit by its fields', () => {
    const known = new Map([
      ['obligation:gdpr-art33', 'Notify the lead supervisory authority (GDPR Art. 33)'],
    ]);
    const recorded = entry('obligation.status_recorded', 'obligation:gdpr-art33', {
      from: null,
      to: 'drafting',
      note: '',
    });
    const population = entry('population.set', 'population:US-CA', {
      before: null,
      after: { jurisdiction: 'US-CA', count: 5 },
    });
    const caseEdit = entry('case.updated', 'case:c1', {
      title: { from: 'Old', to: 'Lost laptop' },
      status: { from: 'a', to: 'b' },
    });
    const names = targetNames([recorded, population, caseEdit], known);
    expect(auditSentence(recorded, names)).toBe(
      'Notice status recorded: Notify the lead supervisory authority (GDPR Art. 33) now drafting',
    );
    expect(auditSentence(population, names)).toBe('People affected recorded: California (US)');
    expect(auditSentence(caseEdit, names)).toBe('Case record changed: Lost laptop (title, status)');
    expect(auditSentence(entry('party.action_added', 'party:p9', {}), new Map())).toBe(
      'Party action recorded',
    );
    expect(auditSentence(entry('widget.frobbed_twice', 'x', null), new Map())).toBe('Widget frobbed twice');
  });
});
