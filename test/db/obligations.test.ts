import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssessmentInput } from '../../shared/domain/assessment';
import { listAuditEntries } from '../../main/casefile/repos/audit-repo';
import { createDemoCase } from '../../main/services/demo-service';
import { saveAssessment } from '../../main/services/obligations/assessment-service';
import { obligationsBoard, setObligationStatus } from '../../main/services/obligations/obligations-service';
import { exportRegister } from '../../main/services/obligations/register-export';
import { breachRegister } from '../../main/services/obligations/register-service';
import { setPopulation } from '../../main/services/population-service';
import { testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const TODAY = '2026-11-28';

function assessment(risk: 'unlikely' | 'risk' | 'high' | null): AssessmentInput {
  return {
    enisa: {
      dpc: {
        category: 'simple',
        score: 1,
        rationale: 'Names, e-mail, gender, date of birth; music-service logins',
      },
      ei: { value: 1, rationale: 'Full names with e-mail addresses' },
      cb: {
        confidentiality: 0.25,
        integrity: 0,
        availability: 0,
        malicious: 0,
        rationale: 'Three known partners',
      },
    },
    factors: { number: { applies: true, note: '350,000 accounts' } },
    decision:
      risk === null
        ? null
        : { risk, rationale: 'Counsel reviewed the ENISA score and the password exposure' },
  };
}

describe('obligations board', () => {
  it('shows the demo case obligations, keeps a recorded status, and flags it when the facts change', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const board = obligationsBoard(file, undefined, TODAY);
    expect(board.asOf).toBe('2020-11-12');
    const art33 = board.rows.find((r) => r.ruleId === 'gdpr-art33-lead-authority');
    expect(art33?.obligation?.deadline.due).toBe('2020-11-19T08:30:00.000Z');
    expect(art33?.obligation?.recipient.name).toContain('IMY');
    expect(board.rows.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining([
        'us-ca-individuals-until-2025',
        'us-ca-ag-sample-until-2025',
        'us-tx-ag-until-2023',
      ]),
    );
    expect(board.notTriggered.find((n) => n.ruleId === 'us-wa-ag')?.reason).toMatch(/120/);

    const sent = setObligationStatus(
      file,
      ctx,
      { ruleId: 'us-tx-ag-until-2023', stageId: null },
      undefined,
      { status: 'sent', sentAt: '2020-12-01T10:00:00.000Z', channel: 'AG web form', note: '' },
      TODAY,
    );
    expect(sent).toMatchObject({ status: 'sent', recordedBy: 'tester', basis: { triggered: true } });
    expect(listAuditEntries(file.db, undefined, 1)[0]).toMatchObject({
      action: 'obligation.status_recorded',
      target: 'obligation:us-tx-ag-until-2023',
    });
    expect(() =>
      setObligationStatus(
        file,
        ctx,
        { ruleId: 'no-such-rule', stageId: null },
        undefined,
        { status: 'todo', note: '' },
        TODAY,
      ),
    ).toThrow(/no rule/);

    // Fewer Texans than the threshold (a hand count overriding the roster's 300): the obligation
    // goes, the status stays, flagged for review.
    setPopulation(file, { jurisdiction: 'US-TX', count: 200, exact: true }, ctx);
    const after = obligationsBoard(file, undefined, TODAY);
    const kept = after.rows.find((r) => r.ruleId === 'us-tx-ag-until-2023');
    expect(kept?.obligation).toBeNull();
    expect(kept?.status?.status).toBe('sent');
    expect(kept?.review).toMatch(/No longer owed.*200.*kept/);
    expect(after.notTriggered.some((n) => n.ruleId === 'us-tx-ag-until-2023')).toBe(false);
    file.close();
  });

  it('keeps severity assessments as versions and lets a confirmed high risk owe the Art. 34 communication', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    const has34 = () =>
      obligationsBoard(file, undefined, TODAY).rows.some((r) => r.ruleId === 'gdpr-art34-data-subjects');
    expect(has34()).toBe(false);
    const draft = saveAssessment(file, ctx, assessment(null));
    expect(draft).toMatchObject({
      version: 1,
      score: 1.25,
      band: 'low',
      arithmetic: 'SE = DPC × EI + CB = 1 × 1 + 0.25 = 1.25',
      decision: null,
    });
    expect(has34()).toBe(false);
    // Undecided, Art. 34 waits for the decision with the draft's suggestion (a low band: a risk).
    const waiting = obligationsBoard(file, undefined, TODAY).decisionNeeded;
    expect(waiting.map((d) => [d.ruleId, d.decision.suggestion, d.status])).toEqual([
      ['gdpr-art34-data-subjects', 'risk', null],
    ]);
    const decided = saveAssessment(file, ctx, assessment('high'));
    expect(decided).toMatchObject({ version: 2, decision: { risk: 'high', confirmedBy: 'tester' } });
    expect(has34()).toBe(true);
    expect(obligationsBoard(file, undefined, TODAY).decisionNeeded).toEqual([]);
    expect(() => file.db.prepare("UPDATE assessments SET data = '{}'").run()).toThrow(/cannot be changed/);
    expect(() => file.db.prepare('DELETE FROM assessments').run()).toThrow(/cannot be deleted/);
    // A later "unlikely" decision removes Art. 33 too.
    saveAssessment(file, ctx, assessment('unlikely'));
    const board = obligationsBoard(file, undefined, TODAY);
    expect(board.risk).toBe('unlikely');
    // The demo's Art. 33 letter is drafted, so the notice has a recorded status ("drafting"):
    // it stays on the board, no longer owed, with the reason and a review flag.
    const art33 = board.rows.find((r) => r.ruleId === 'gdpr-art33-lead-authority');
    expect(art33?.obligation).toBeNull();
    expect(art33?.notTriggered?.reason).toMatch(/unlikely/);
    expect(art33?.review).toMatch(/No longer owed/);
    file.close();
  });

  it('builds the Art. 33(5) register, also with nothing notified, and exports it as escaped HTML', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
    saveAssessment(file, ctx, assessment('risk'));
    setObligationStatus(
      file,
      ctx,
      { ruleId: 'us-wa-individuals', stageId: null },
      undefined,
      {
        status: 'not_required',
        rationale: 'Counsel: <script>no</script> only display names for WA',
        note: '',
      },
      TODAY,
    );
    const register = breachRegister(file, ctx, undefined, TODAY);
    const headings = register.sections.map((s) => s.heading);
    expect(headings).toEqual(
      expect.arrayContaining([
        'The breach',
        'Effects and likely consequences',
        'Remedial action',
        'Risk decision',
        'Notifications and decisions',
      ]),
    );
    const decision = register.sections.find((s) => s.heading === 'Risk decision');
    expect(decision?.fields.find((f) => f.label === 'Rationale')?.value).toMatch(/Counsel reviewed/);
    const path = await exportRegister(file, register, join(dir, 'register.html'), false);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('Partner API exposure');
    expect(html).toContain('&lt;script&gt;no&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    await expect(exportRegister(file, register, path, false)).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    file.close();
  });

  it('lists in the register the notices that wait for the risk decision, and ⚠ on unverified rules not owed', async () => {
    const dir = tempDir();
    const ctx = testContext();
    const file = await createDemoCase(join(dir, 'demo.bdcase'), false, ctx);
    const register = breachRegister(file, ctx, undefined, TODAY);
    const table = (heading: string) => register.sections.find((s) => s.heading === heading)?.table;
    const waiting = table('Decisions needed');
    expect(waiting?.columns).toEqual([
      'Notice',
      'Recipient',
      'State',
      'Decision needed',
      'Suggestion',
      'Verification',
    ]);
    const art34 = waiting?.rows.find((r) => r[0]?.includes('Art. 34'));
    expect(art34?.[2]).toBe('decision needed: not owed until decided');
    expect(art34?.[4]).toBe('none yet (severity not assessed)');
    expect(waiting?.rows.find((r) => r[0]?.includes('Art. 33'))?.[2]).toBe('owed unless decided otherwise');
    const notOwed = table('Notices not owed');
    expect(notOwed?.rows.some((r) => r[0]?.includes('(GDPR Art. 34)'))).toBe(false);
    expect(notOwed?.rows.find((r) => r[0] === 'Notify the Washington Attorney General')?.[2]).toBe(
      '⚠ to be verified',
    );
    const html = readFileSync(
      await exportRegister(file, register, join(dir, 'register.html'), false),
      'utf8',
    );
    expect(html).toContain('<h2>Decisions needed</h2>');
    expect(html).toContain('decision needed: not owed until decided');
    file.close();
  });

  it('names the people in jurisdictions no rule reads, with what the pack knows of them', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'uncovered.bdcase'), false, ctx);
    // The demo counts 84,185 people whose country is not known: said, not dropped.
    const unknown = {
      jurisdiction: 'ZZ',
      residents: 84_185,
      note: 'Where these people live is not recorded: no law can be applied to them until their country (and US state) is known.',
    };
    expect(obligationsBoard(file, undefined, TODAY).uncovered).toEqual([unknown]);
    setPopulation(file, { jurisdiction: 'NZ', count: 12, exact: true }, ctx);
    const board = obligationsBoard(file, undefined, TODAY);
    expect(board.uncovered).toEqual([
      {
        jurisdiction: 'NZ',
        residents: 12,
        note: 'The rule pack has no rules for New Zealand: check its law yourself.',
      },
      unknown,
    ]);
    file.close();
  });
});
