import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLetters } from '../../main/casefile/repos/letters-repo';
import { tasksTable } from '../../main/casefile/repos/tables';
import { renderBundleIndex } from '../../main/services/bundles/index-html';
import { exportCaseDocument, importCaseDocument } from '../../main/services/case-document-service';
import { createRecord, updateRecord } from '../../main/services/collection-service';
import { createDemoCase } from '../../main/services/demo-service';
import { obligationsBoard } from '../../main/services/obligations/obligations-service';
import { breachRegister } from '../../main/services/obligations/register-service';
import { taskSpec } from '../../main/services/record-specs';
import { tasksOfObligation } from '../../shared/domain/tasks-notes';
import { demoBundleIndexModel } from '../helpers/bundle-index-model';
import { makeCase, testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const ART_33 = 'gdpr-art33-lead-authority';
const TODAY = '2026-01-15';

/** Words by which a task's title speaks of giving a notice. */
const NOTICE_WORDS = /\b(notify|notification|notice)\b/i;

describe('tasks linked to obligations', () => {
  it('links a task to a rule of the pack, refuses an unknown rule, and keeps the link through export and import', () => {
    const ctx = testContext();
    const file = makeCase(tempDir(), 'c.bdcase', ctx);
    try {
      const task = createRecord(file, ctx, taskSpec, {
        title: 'Notify IMY',
        owner: 'DPO',
        due: '2020-11-19',
        status: 'open',
        obligationRuleId: ART_33,
      });
      expect(task.obligationRuleId).toBe(ART_33);
      const plain = createRecord(file, ctx, taskSpec, {
        title: 'Review release checks',
        owner: '',
        due: null,
        status: 'open',
        obligationRuleId: null,
      });
      expect(plain.obligationRuleId).toBeNull();
      expect(() =>
        createRecord(file, ctx, taskSpec, {
          title: 'Notify nobody',
          owner: '',
          due: null,
          status: 'open',
          obligationRuleId: 'no-such-rule',
        }),
      ).toThrow(/no obligation with rule id no-such-rule/);
      expect(() => updateRecord(file, ctx, taskSpec, plain.id, { obligationRuleId: 'no-such-rule' })).toThrow(
        /no obligation/,
      );
      const unlinked = updateRecord(file, ctx, taskSpec, task.id, { obligationRuleId: null });
      expect(unlinked.obligationRuleId).toBeNull();
      updateRecord(file, ctx, taskSpec, task.id, { obligationRuleId: ART_33 });

      const document = exportCaseDocument(file);
      expect(document.tasks.find((t) => t.id === task.id)?.obligationRuleId).toBe(ART_33);
      const other = makeCase(tempDir(), 'd.bdcase', ctx);
      try {
        importCaseDocument(other, JSON.parse(JSON.stringify(document)), ctx);
        expect(tasksTable.get(other.db, task.id)?.obligationRuleId).toBe(ART_33);
        // A document from an earlier build (no link field) imports with no link.
        const old = {
          format: document.format,
          tasks: [{ title: 'Old task', owner: '', due: null, status: 'done' }],
        };
        importCaseDocument(other, old, ctx);
        expect(tasksTable.all(other.db).find((t) => t.title === 'Old task')?.obligationRuleId).toBeNull();
      } finally {
        other.close();
      }
    } finally {
      file.close();
    }
  });

  it('the breach register prints the notice status, never a linked task that contradicts it', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    try {
      const imy = tasksOfObligation(tasksTable.all(file.db), ART_33)[0];
      if (imy === undefined) throw new Error('the demo has no task linked to Art. 33');
      // The contradiction of issue 18: the task marked Done while the notice is not sent.
      updateRecord(file, ctx, taskSpec, imy.id, { status: 'done' });
      const register = breachRegister(file, ctx, undefined, TODAY);
      const table = (heading: string) => register.sections.find((s) => s.heading === heading)?.table;
      const notices = table('Notifications and decisions');
      expect(notices?.columns).toEqual([
        'Notice',
        'Recipient',
        'Due',
        'Status',
        'Rationale or note',
        'Verification',
        'Linked tasks',
      ]);
      const art33 = notices?.rows.find((r) => r[0]?.includes('GDPR Art. 33'));
      const status = obligationsBoard(file, undefined, TODAY).rows.find((r) => r.ruleId === ART_33)?.status;
      expect(status?.status).not.toBe('sent');
      expect(art33?.[3]).toBe(status?.status ?? 'to do');
      expect(art33?.[6]).toBe(imy.title);
      // Named under its notice only: not a separate line claiming "done".
      const remedial = table('Remedial action');
      expect(remedial?.rows.some((r) => r[1]?.includes(imy.title))).toBe(false);
      expect(
        remedial?.rows.some((r) => r[1] === 'Task: Post-incident review of partner-sync release checks'),
      ).toBe(true);
    } finally {
      file.close();
    }
  });

  it("the bundle index shows a linked task as the notice's, with the notice's status", async () => {
    const model = await demoBundleIndexModel(tempDir());
    const tasks = model.tasks.map((t) =>
      t.obligationRuleId === ART_33 ? { ...t, status: 'done' as const } : t,
    );
    const html = renderBundleIndex({ ...model, tasks });
    const section = /<section id="tasks"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*Notify the lead supervisory authority \(IMY\)[\s\S]*?<\/tr>/.exec(
      section,
    )?.[0];
    expect(row).toBeDefined();
    expect(row).toContain('For the notice <a href="#obligations">');
    expect(row).toMatch(/The notice&#39;s status: (To do|Drafting)|The notice's status: (To do|Drafting)/);
    expect(row).not.toContain('>Done<');
    const obligations = /<section id="obligations"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(obligations).toContain('Linked task: Notify the lead supervisory authority (IMY) under Art. 33');
  });
});

describe('the demo case tells one story', () => {
  it('no task claims a notice sent or done while its obligation is not sent, and vice versa; letters agree with the statuses', async () => {
    const ctx = testContext();
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, ctx);
    try {
      const board = obligationsBoard(file, undefined, TODAY);
      const statusOf = (ruleId: string) =>
        board.rows.find((r) => r.ruleId === ruleId)?.status?.status ??
        board.decisionNeeded.find((d) => d.ruleId === ruleId)?.status?.status ??
        'todo';
      const tasks = tasksTable.all(file.db);
      // A task about giving a notice is linked to that notice's obligation.
      for (const task of tasks.filter((t) => NOTICE_WORDS.test(t.title)))
        expect(task.obligationRuleId, task.title).not.toBeNull();
      const imy = tasksOfObligation(tasks, ART_33);
      expect(imy.map((t) => t.title)).toEqual(['Notify the lead supervisory authority (IMY) under Art. 33']);
      for (const task of tasks) {
        if (task.obligationRuleId === null) continue;
        expect(
          board.rows.some((r) => r.ruleId === task.obligationRuleId),
          `${task.title} is linked to an owed notice`,
        ).toBe(true);
        expect(task.status === 'done', `${task.title}: done only when its notice is sent`).toBe(
          statusOf(task.obligationRuleId) === 'sent',
        );
      }
      // Every notice sent has its linked tasks done.
      for (const row of board.rows.filter((r) => r.status?.status === 'sent'))
        for (const task of tasksOfObligation(tasks, row.ruleId)) expect(task.status, task.title).toBe('done');
      // Letters agree: a letter for a notice is sent exactly when its notice is (none on day 2).
      const letters = listLetters(file.db).filter((l) => l.obligationRuleId !== null);
      expect(letters.length).toBeGreaterThan(0);
      for (const letter of letters) {
        const status = statusOf(letter.obligationRuleId ?? '');
        expect(letter.status === 'sent', letter.title).toBe(status === 'sent');
      }
    } finally {
      file.close();
    }
  });
});
