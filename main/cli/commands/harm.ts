import { readFileSync } from 'node:fs';
import type { HarmDetermination } from '../../../shared/domain/harm-determinations';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { HarmFinding, OpenDecision } from '../../../shared/obligations/obligation';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

const FINDINGS: Record<string, HarmFinding> = { likely: 'harm_likely', 'not-likely': 'harm_not_likely' };
const FINDING_WORDS: Record<HarmFinding, string> = {
  harm_likely: 'harm is likely: notify',
  harm_not_likely: 'no reasonable likelihood of harm: do not notify',
};

export const harmListCommand: Command = {
  name: 'harm list',
  summary: "List the US states' risk-of-harm decisions recorded, and the ones still open",
  help: `Usage: breachdesk harm list FILE [--json]

Lists every risk-of-harm decision recorded in the case, one per jurisdiction: the finding (harm
likely, or no reasonable likelihood of harm), who decided and when, and the basis in writing.
Then the jurisdictions whose notices wait on a harm decision nobody has recorded, with the law's
test and citation. --json prints {recorded, open}.

Example:
  breachdesk harm list incident-2020-11.bdcase`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const recorded = (await host.call('harm.list', {})).determinations;
      const open = openHarmDecisions(await host.call('obligations.board', {}));
      if (values.json === true) {
        printJson({ recorded, open });
        return EXIT.ok;
      }
      const lines = [
        `Harm decisions recorded (${recorded.length}):`,
        ...recorded.flatMap(describeDetermination),
        `Open harm decisions (${open.length}):`,
        ...open.map((d) => `  ${d.jurisdiction ?? ''}: ${d.test ?? ''} (${d.citation ?? ''})`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return EXIT.ok;
    }),
};

export const harmSetCommand: Command = {
  name: 'harm set',
  summary: "Record or change a US state's risk-of-harm decision, with its basis",
  help: `Usage: breachdesk harm set FILE JURISDICTION --finding likely|not-likely (--basis TEXT | --basis-file PATH) [--json]

Records the decision on the risk-of-harm test of JURISDICTION (an ISO code such as US-FL) for
the case, replacing any earlier one: "likely" (harm is likely: notify) or "not-likely" (after an
appropriate investigation, no reasonable likelihood of harm: do not notify). The basis is
required, because the laws ask for the determination in writing: what was investigated and why.
Give it as --basis or in a UTF-8 file with --basis-file. Refused (exit 2) for a jurisdiction whose
rules have no harm test. Audited as harm.determined with the decision before and after.

Example:
  breachdesk harm set incident-2020-11.bdcase US-FL --finding not-likely --basis "Passwords were salted bcrypt; no misuse in 30 days of monitoring."`,
  options: {
    ...JSON_OPTION,
    finding: { type: 'string' },
    basis: { type: 'string' },
    'basis-file': { type: 'string' },
  },
  positionals: 2,
  run: ({ positionals, values }) => {
    const findingText = values.finding;
    const finding = typeof findingText === 'string' ? FINDINGS[findingText] : undefined;
    if (finding === undefined) {
      throw new CliFailure('harm set: --finding must be "likely" or "not-likely".', EXIT.usage);
    }
    const basis = basisOf(values.basis, values['basis-file']);
    return withCase(positionals[0] ?? '', async (host) => {
      const recorded = await host.call('harm.set', {
        jurisdiction: positionals[1] ?? '',
        finding,
        basis,
      });
      if (values.json === true) printJson(recorded);
      else
        process.stdout.write(`Recorded for ${recorded.jurisdiction}: ${FINDING_WORDS[recorded.finding]}.\n`);
      return EXIT.ok;
    });
  },
};

export const harmClearCommand: Command = {
  name: 'harm clear',
  summary: "Remove a US state's risk-of-harm decision, so the question is open again",
  help: `Usage: breachdesk harm clear FILE JURISDICTION [--json]

Removes the risk-of-harm decision recorded for JURISDICTION (e.g. US-FL): its notices wait on the
decision again (an exemption stays owed with its clock running; a condition reads "decision
needed"). Exit 2 when none is recorded. Audited as harm.cleared with the decision removed.

Example:
  breachdesk harm clear incident-2020-11.bdcase US-FL`,
  options: { ...JSON_OPTION },
  positionals: 2,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const cleared = await host.call('harm.clear', { jurisdiction: positionals[1] ?? '' });
      if (values.json === true) printJson(cleared);
      else process.stdout.write(`Cleared the harm decision for ${cleared.jurisdiction}.\n`);
      return EXIT.ok;
    }),
};

function basisOf(
  text: string | boolean | string[] | undefined,
  file: string | boolean | string[] | undefined,
): string {
  if (typeof text === 'string' && typeof file === 'string') {
    throw new CliFailure('harm set: give the basis with --basis or --basis-file, not both.', EXIT.usage);
  }
  if (typeof text === 'string') return text;
  if (typeof file === 'string') {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new CliFailure(`${JSON.stringify(file)} cannot be read.`, EXIT.invalid);
    }
  }
  throw new CliFailure(
    'harm set: --basis or --basis-file is required (the law asks for the determination in writing).',
    EXIT.usage,
  );
}

function describeDetermination(d: HarmDetermination): string[] {
  return [
    `  ${d.jurisdiction}: ${FINDING_WORDS[d.finding]} (decided ${d.decidedAt} by ${d.decidedBy})`,
    ...d.basis.split('\n').map((line) => `    ${line}`),
  ];
}

/** The distinct state harm decisions the board still waits on, one per jurisdiction. */
function openHarmDecisions(board: ChannelOutput<'obligations.board'>): OpenDecision[] {
  const all = [
    ...board.rows.map((r) => r.obligation?.openDecision ?? null),
    ...board.decisionNeeded.map((d) => d.decision),
  ];
  const byJurisdiction = new Map<string, OpenDecision>();
  for (const d of all) {
    if (d?.kind === 'state_harm' && d.jurisdiction !== null && !byJurisdiction.has(d.jurisdiction)) {
      byJurisdiction.set(d.jurisdiction, d);
    }
  }
  return [...byJurisdiction.values()].sort((a, b) =>
    (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? ''),
  );
}
