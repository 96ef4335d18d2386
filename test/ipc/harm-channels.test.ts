import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import type { RulePack } from '../../shared/obligations/rule-pack';
import { recordingHost, type RecordingHost } from '../helpers/test-host';
import { useTempDir } from '../helpers/temp-dir';

/*
 * Issue 17: a person records, changes and clears a US state's risk-of-harm decision through the
 * bridge, and the board follows. The shipped rules' harm tests may change, so Texas's notice to
 * residents is given a test-only exemption and Washington's a condition.
 */
vi.mock('../../shared/obligations/default-pack', async (importOriginal) => {
  const original = await importOriginal<{ DEFAULT_RULE_PACK: RulePack }>();
  const pack = structuredClone(original.DEFAULT_RULE_PACK);
  for (const rule of pack.rules) {
    if (rule.id === 'us-tx-individuals') {
      rule.trigger.harm = {
        kind: 'exemption',
        test: 'there is no reasonable likelihood of harm to the residents',
        citation: 'Test. Code §1(c)',
        conditions: 'the determination is in writing and kept for five years.',
      };
    }
    if (rule.id === 'us-wa-individuals') {
      rule.trigger.harm = {
        kind: 'condition',
        test: 'the breach is reasonably likely to cause substantial harm',
        citation: 'Test. Code §2(a)',
        conditions: '',
      };
    }
  }
  return { DEFAULT_RULE_PACK: pack };
});

const tempDir = useTempDir();
const hosts: RecordingHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.deps.session.close()));

async function demoHost(): Promise<RecordingHost> {
  const dir = tempDir();
  const host = recordingHost(dir);
  hosts.push(host);
  expect((await host.dispatch('demo.create', { path: join(dir, 'demo.bdcase') })).ok).toBe(true);
  return host;
}

async function board(host: RecordingHost) {
  const envelope = await host.dispatch('obligations.board', {});
  return contract['obligations.board'].output.parse(envelope.ok ? envelope.value : null);
}

describe('harm decisions through the dispatcher', () => {
  it('records, changes and clears a decision; the board, the audit log and the events follow', async () => {
    const host = await demoHost();
    const before = await board(host);
    const tx = before.rows.find((r) => r.ruleId === 'us-tx-individuals');
    expect(tx?.obligation?.openDecision).toMatchObject({ kind: 'state_harm', jurisdiction: 'US-TX' });
    expect(before.decisionNeeded.find((d) => d.ruleId === 'us-wa-individuals')?.decision).toMatchObject({
      kind: 'state_harm',
      jurisdiction: 'US-WA',
      citation: 'Test. Code §2(a)',
    });
    const empty = await host.dispatch('harm.list', {});
    const initial = contract['harm.list'].output.parse(empty.ok ? empty.value : null);
    expect(initial.determinations).toEqual([]);
    expect(initial.tests.find((t) => t.jurisdiction === 'US-TX')).toEqual({
      jurisdiction: 'US-TX',
      name: 'Texas (US)',
      kind: 'exemption',
      test: 'there is no reasonable likelihood of harm to the residents',
      citation: 'Test. Code §1(c)',
      conditions: 'the determination is in writing and kept for five years.',
    });
    expect(initial.tests.some((t) => t.jurisdiction === 'US-CA')).toBe(false);

    const set = await host.dispatch('harm.set', {
      jurisdiction: 'us-tx',
      finding: 'harm_not_likely',
      basis: '  Passwords were salted bcrypt; no misuse seen in 30 days of monitoring.  ',
    });
    expect(set).toMatchObject({
      ok: true,
      value: {
        jurisdiction: 'US-TX',
        finding: 'harm_not_likely',
        basis: 'Passwords were salted bcrypt; no misuse seen in 30 days of monitoring.',
        decidedBy: host.deps.ctx.actor,
      },
    });
    expect(host.events.at(-1)).toEqual({ event: 'case.contentChanged', payload: { areas: ['obligations'] } });
    const afterSet = await board(host);
    expect(afterSet.rows.some((r) => r.ruleId === 'us-tx-individuals')).toBe(false);
    expect(afterSet.notTriggered.find((n) => n.ruleId === 'us-tx-individuals')?.reason).toContain(
      'harm is not likely',
    );

    expect(
      await host.dispatch('harm.set', {
        jurisdiction: 'US-WA',
        finding: 'harm_likely',
        basis: 'Card data taken.',
      }),
    ).toMatchObject({ ok: true });
    const changed = await host.dispatch('harm.set', {
      jurisdiction: 'US-TX',
      finding: 'harm_likely',
      basis: 'Misuse reported by two customers.',
    });
    expect(changed).toMatchObject({ ok: true, value: { finding: 'harm_likely' } });
    const afterChange = await board(host);
    expect(
      afterChange.rows.find((r) => r.ruleId === 'us-tx-individuals')?.obligation?.openDecision,
    ).toBeNull();
    expect(afterChange.rows.find((r) => r.ruleId === 'us-wa-individuals')?.obligation?.why).toContain(
      'a person determined that harm is likely',
    );
    const listed = await host.dispatch('harm.list', {});
    const { determinations } = contract['harm.list'].output.parse(listed.ok ? listed.value : null);
    expect(determinations.map((d) => [d.jurisdiction, d.finding])).toEqual([
      ['US-TX', 'harm_likely'],
      ['US-WA', 'harm_likely'],
    ]);

    const register = await host.dispatch('register.get', {});
    const harmSection = contract['register.get'].output
      .parse(register.ok ? register.value : null)
      .sections.find((s) => s.heading === 'Harm decisions (US states)');
    expect(harmSection?.table?.rows).toEqual([
      [
        'Texas (US) (US-TX)',
        'harm is likely: notify',
        'Misuse reported by two customers.',
        expect.any(String),
      ],
      ['Washington (US) (US-WA)', 'harm is likely: notify', 'Card data taken.', expect.any(String)],
    ]);

    expect(await host.dispatch('harm.clear', { jurisdiction: 'US-TX' })).toEqual({
      ok: true,
      value: { jurisdiction: 'US-TX' },
    });
    const afterClear = await board(host);
    expect(
      afterClear.rows.find((r) => r.ruleId === 'us-tx-individuals')?.obligation?.openDecision,
    ).toMatchObject({
      kind: 'state_harm',
    });
    expect(await host.dispatch('harm.clear', { jurisdiction: 'US-TX' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: 'No harm decision is recorded for Texas (US).',
    });

    const audit = await host.dispatch('audit.list', { limit: 5 });
    const { entries } = contract['audit.list'].output.parse(audit.ok ? audit.value : null);
    expect(entries.slice(0, 4).map((e) => [e.action, e.target])).toEqual([
      ['harm.cleared', 'harm:US-TX'],
      ['harm.determined', 'harm:US-TX'],
      ['harm.determined', 'harm:US-WA'],
      ['harm.determined', 'harm:US-TX'],
    ]);
    expect(entries[1]?.payload).toMatchObject({
      before: { finding: 'harm_not_likely' },
      after: { finding: 'harm_likely', basis: 'Misuse reported by two customers.' },
    });
  });

  it('refuses a decision without a basis, and one for a jurisdiction whose rules have no harm test', async () => {
    const host = await demoHost();
    expect(
      await host.dispatch('harm.set', { jurisdiction: 'US-TX', finding: 'harm_not_likely', basis: '   ' }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      await host.dispatch('harm.set', { jurisdiction: 'US-TX', finding: 'maybe', basis: 'x' }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      await host.dispatch('harm.set', {
        jurisdiction: 'US-CA',
        finding: 'harm_not_likely',
        basis: 'Hashed.',
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message:
        'No rule for California (US) has a risk-of-harm test, so there is no harm decision to record there.',
    });
    expect(await host.dispatch('harm.list', {})).toMatchObject({ ok: true, value: { determinations: [] } });
  });
});
