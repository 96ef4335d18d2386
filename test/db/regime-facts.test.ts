import { describe, expect, it } from 'vitest';
import { factsPatchSchema } from '../../shared/domain/facts';
import { listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { caseFacts, updateFacts } from '../../main/services/facts-service';
import { obligationsBoard, setObligationStatus } from '../../main/services/obligations/obligations-service';
import { whatNow } from '../../main/services/overview-service';
import { makeCase, testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-12-07';
const NIS2 = 'nis2-art23-csirt';
const at = (utc: string) => ({ utc, zone: 'Europe/Berlin', precision: 'exact' as const, approximate: false });

describe('regime facts, decisions and staged reports in the case file', () => {
  it('records roles, establishment and dated decisions; a staged report moves stage by stage', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'nis2.bdcase', ctx);
    updateFacts(
      file,
      {
        awareAt: at('2026-11-30T08:00:00.000Z'),
        organisation: { regulatedRoles: ['nis2_essential'], establishedIn: ['DE'] },
      },
      ctx,
    );
    // Undecided: the NIS2 report waits for the decision, never "not owed".
    let board = obligationsBoard(file, '2026-12-01', TODAY);
    expect(board.decisionNeeded.find((d) => d.ruleId === NIS2)?.decision.regimeDecision).toBe(
      'nis2_significant',
    );
    // The Overview lists it as its own decision (not as a state's harm test), leading to Facts.
    expect(whatNow(file, TODAY, '2026-12-01T10:00:00.000Z').decisions).toContainEqual(
      expect.objectContaining({ kind: 'regime', regimeDecision: 'nis2_significant', jurisdiction: 'EU' }),
    );

    updateFacts(
      file,
      {
        decisions: { nis2_significant: { answer: 'yes', at: at('2026-11-30T09:00:00.000Z'), basis: 'CISO' } },
      },
      ctx,
    );
    expect(caseFacts(file).decisions.nis2_significant?.answer).toBe('yes');
    const audited = listAuditEntries(file.db, undefined, 1)[0];
    expect(audited).toMatchObject({ action: 'facts.updated' });
    board = obligationsBoard(file, '2026-12-01', TODAY);
    const row = board.rows.find((r) => r.ruleId === NIS2);
    expect(row?.obligation?.stages.map((s) => s.id)).toEqual([
      'early-warning',
      'incident-notification',
      'final-report',
    ]);
    expect(row?.obligation?.stages.map((s) => s.deadline.due)).toEqual([
      '2026-12-01T08:00:00.000Z',
      '2026-12-03T08:00:00.000Z',
      null,
    ]);

    // A stage's own status, recorded against the pack that produced the obligation.
    const sent = setObligationStatus(
      file,
      ctx,
      { ruleId: NIS2, stageId: 'incident-notification' },
      '2026-12-01',
      { status: 'sent', sentAt: '2026-12-02T15:00:00.000Z', channel: 'CSIRT portal', note: '' },
      TODAY,
    );
    expect(sent).toMatchObject({
      ruleId: `${NIS2}/incident-notification`,
      pack: { id: board.packId, version: board.packVersion },
    });
    expect(listAuditEntries(file.db, undefined, 1)[0]).toMatchObject({
      target: `obligation:${NIS2}/incident-notification`,
    });
    board = obligationsBoard(file, '2026-12-01', TODAY);
    const after = board.rows.find((r) => r.ruleId === NIS2);
    expect(after?.stageStatuses['incident-notification']?.channel).toBe('CSIRT portal');
    expect(after?.status).toBeNull();
    // The final report runs a month from the notification (Berlin time keeps the wall clock).
    expect(after?.obligation?.stages[2]?.deadline.due).toBe('2027-01-02T15:00:00.000Z');
    // The recorded status is not a rule of its own: nothing "no longer owed" appears for it.
    expect(board.rows.filter((r) => r.ruleId.includes('/'))).toEqual([]);

    expect(() =>
      setObligationStatus(
        file,
        ctx,
        { ruleId: NIS2, stageId: 'no-such-stage' },
        undefined,
        { status: 'todo', note: '' },
        TODAY,
      ),
    ).toThrow(
      /has no stage called "no-such-stage" \(its stages: early-warning, incident-notification, final-report\)/,
    );
    expect(() =>
      setObligationStatus(
        file,
        ctx,
        { ruleId: 'gdpr-art33-lead-authority', stageId: 'x' },
        undefined,
        { status: 'todo', note: '' },
        TODAY,
      ),
    ).toThrow(/is a single notice, without stages/);

    // Taking the decision back makes the report wait again; the answer "no" takes it out.
    updateFacts(file, { decisions: { nis2_significant: null } }, ctx);
    expect(caseFacts(file).decisions.nis2_significant).toBeUndefined();
    updateFacts(
      file,
      { decisions: { nis2_significant: { answer: 'no', at: at('2026-11-30T09:00:00.000Z'), basis: '' } } },
      ctx,
    );
    board = obligationsBoard(file, '2026-12-01', TODAY);
    // No longer owed, but the stage recorded as sent is kept on the board, for review.
    const kept = board.rows.find((r) => r.ruleId === NIS2);
    expect(kept?.notTriggered?.reason).toMatch(/answers "no"/);
    expect(kept?.stageStatuses['incident-notification']?.status).toBe('sent');
    expect(kept?.review).toMatch(/^No longer owed on the current facts: /);
    file.close();
  });

  it('refuses an unknown role, decision or country code before anything is written', () => {
    expect(factsPatchSchema.safeParse({ organisation: { regulatedRoles: ['nis3_entity'] } }).success).toBe(
      false,
    );
    expect(factsPatchSchema.safeParse({ decisions: { made_up: null } }).success).toBe(false);
    expect(factsPatchSchema.safeParse({ organisation: { establishedIn: ['Germany'] } }).success).toBe(false);
    expect(
      factsPatchSchema.safeParse({
        decisions: { dora_major: { answer: 'maybe', at: at('2026-11-30T09:00:00.000Z') } },
      }).success,
    ).toBe(false);
  });
});
