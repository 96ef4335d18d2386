import type { BoardDecision, BoardRow } from '../../../shared/domain/obligation-status';
import { suggestionText } from '../../../shared/obligations/decisions';
import { factsNeededLines } from '../../../shared/obligations/facts-needed';
import type { OpenDecision } from '../../../shared/obligations/obligation';
import { instantInZoneText as instantIn } from '../../../shared/time/zoned-time';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

export const obligationsCommand: Command = {
  name: 'obligations',
  summary: 'Who must be notified, by when, and why (or why not)',
  help: `Usage: breachdesk obligations FILE [--as-of DATE] [--json]

Evaluates the rule pack against the case's facts, data elements and people affected, under the
law as it stood on DATE (YYYY-MM-DD; default: the day the breach was discovered). First come the
facts needed (facts not recorded that rules wait on, and the Art. 33 clock pending them). Prints every
notice owed with its deadline (in the zone discovery was recorded in), its status and why it
applies, then every notice whose answer waits for a decision nobody has confirmed (the GDPR risk
level, or a US state's risk-of-harm test: "decision needed"), then every rule considered
that owes nothing here, with the reason, and last the jurisdictions with people affected that no
rule of the pack reads (a territory without a breach law). Each notice shows its letter template
and the state of its letter (none, draft vN, in review, approved, sent); with --json each row
carries "template" ({id, title, generic}), "letterState" ({state, letterId, version}), its
"letters" and its "sources" with their titles and addresses. ⚠ marks a rule whose values are not yet verified,
whatever its answer. The risk decision is made in the app (Obligations, Severity) or with
\`breachdesk api FILE assessments.save\`; a state's harm decision with \`breachdesk harm set\`. Decision support, not legal advice.

Example:
  breachdesk obligations sonora-demo.bdcase --as-of 2026-02-01`,
  options: { ...JSON_OPTION, 'as-of': { type: 'string' } },
  positionals: 1,
  run: ({ positionals, values }) => {
    const asOf = typeof values['as-of'] === 'string' ? values['as-of'] : undefined;
    if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
      throw new CliFailure('--as-of takes a date as YYYY-MM-DD.', EXIT.usage);
    }
    return withCase(positionals[0] ?? '', async (host) => {
      const board = await host.call('obligations.board', asOf === undefined ? {} : { asOf });
      if (values.json === true) {
        printJson(board);
        return EXIT.ok;
      }
      const facts = await host.call('facts.get', {});
      const zone = facts.discoveredAt?.zone ?? facts.awareAt?.zone ?? 'UTC';
      const lines = [
        `Law as of ${board.asOf} (rule pack ${board.packId} ${board.packVersion}). ${board.disclaimer}`,
        '',
        ...factsNeededLines(board.factsNeeded, board.pending, (utc) => instantIn(utc, zone)),
        ...board.rows.flatMap((row) => describeRow(row, zone)),
        ...(board.decisionNeeded.length === 0
          ? []
          : [
              `Decision needed (${board.decisionNeeded.length}):`,
              ...board.decisionNeeded.flatMap(describeDecision),
            ]),
        `Not owed (${board.notTriggered.length}):`,
        ...board.notTriggered.map((n) => `  ${n.title}: ${n.reason}${flagOf(n.verification)}`),
        ...(board.uncovered.length === 0
          ? []
          : [
              '',
              `Not covered by the rule pack (${board.uncovered.length}):`,
              ...board.uncovered.map(
                (u) => `  ${u.jurisdiction} (${u.residents.toLocaleString('en-US')}): ${u.note}`,
              ),
            ]),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      return EXIT.ok;
    });
  },
};

function describeRow(row: BoardRow, zone: string): string[] {
  const status = row.status === null ? 'to do' : row.status.status.replace('_', ' ');
  if (row.obligation === null) {
    return [
      `[no longer owed] ${row.notTriggered?.title ?? row.ruleId} (status kept: ${status})`,
      `  ${row.review ?? ''}`,
      '',
    ];
  }
  const { obligation } = row;
  const deadline = obligation.deadline;
  const due =
    deadline.due !== null
      ? `due ${instantIn(deadline.due, zone)}`
      : deadline.suggested !== null
        ? `${deadline.wording}; suggested target ${instantIn(deadline.suggested, zone)}`
        : deadline.wording;
  return [
    `${obligation.title} → ${obligation.recipient.name}${flagOf(obligation.verification)}`,
    `  ${due} · ${status} · letter: ${letterStateOf(row)}`,
    `  Template: ${row.template === null ? (row.templateUnavailable ?? 'none') : `${row.template.title} (${row.template.id})`}`,
    ...(deadline.reckoning === null ? [] : [`  Counted: ${deadline.reckoning}`]),
    ...obligation.stages.map(
      (stage, index) =>
        `  Stage ${index + 1} ${stage.title} (${stage.id}): ${stage.sentAt !== null ? `sent ${instantIn(stage.sentAt, zone)}` : stage.deadline.due !== null ? `due ${instantIn(stage.deadline.due, zone)}` : stage.deadline.wording}`,
    ),
    `  Why: ${obligation.why}`,
    ...(obligation.openDecision === null ? [] : openDecisionLines(obligation.openDecision)),
    ...(obligation.substituteNotice === null
      ? []
      : [
          `  Substitute notice: ${obligation.substituteNotice.text} (${obligation.substituteNotice.citation})`,
        ]),
    ...(row.review === null ? [] : [`  Review: ${row.review}`]),
    `  ${obligation.citation}`,
    '',
  ];
}

function letterStateOf(row: BoardRow): string {
  const { state, version } = row.letterState;
  return state === 'none' ? 'none' : `${state.replace('_', ' ')} v${version ?? 1}`;
}

/** A notice waiting for a decision: never printed as owed or as not owed. */
function describeDecision(entry: BoardDecision): string[] {
  return [
    `  ${entry.title} → ${entry.recipient.name}${flagOf(entry.verification)}`,
    ...openDecisionLines(entry.decision).map((line) => `  ${line}`),
    ...(entry.status === null ? [] : [`    Status kept: ${entry.status.status.replace('_', ' ')}`]),
    `    ${entry.citation}`,
    '',
  ];
}

function openDecisionLines(decision: OpenDecision): string[] {
  return [
    `  Decision needed: ${decision.question}`,
    `    ${decision.reason}`,
    `    ${suggestionText(decision)}`,
  ];
}

function flagOf(verification: 'verified' | 'unverified'): string {
  return verification === 'unverified' ? '  ⚠ to be verified' : '';
}
