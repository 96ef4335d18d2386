import { dataElementLabel } from '../../../shared/domain/data-elements';
import { TASK_STATUS_LABELS } from '../../../shared/domain/tasks-notes';
import type { RegisterDocument, RegisterSection } from '../../../shared/domain/register';
import { RISK_WORDS } from '../../../shared/obligations/decisions';
import { jurisdictionName } from '../../../shared/jurisdictions/jurisdictions';
import { EDPB_FACTORS, BAND_LABELS } from '../../../shared/severity/enisa';
import { localTextOf, type ZonedTime } from '../../../shared/time/zoned-time';
import type { CaseFile } from '../../casefile/case-file';
import { getCaseRecord } from '../../casefile/repos/case-repo';
import { listEvidenceItems } from '../../casefile/repos/evidence-repo';
import { getFacts } from '../../casefile/repos/facts-repo';
import { harmDeterminations } from '../../casefile/repos/harm-repo';
import { assessments } from '../../casefile/repos/obligations-repo';
import { dataElementsTable, eventsTable, tasksTable } from '../../casefile/repos/tables';
import { effectivePopulations } from '../roster/effective-populations';
import type { ServiceContext } from '../context';
import { obligationsBoard } from './obligations-service';
import { noticeSections } from './register-notices';

const section = (
  heading: string,
  fields: [string, string][],
  table: RegisterSection['table'] = null,
): RegisterSection => ({
  heading,
  fields: fields.map(([label, value]) => ({ label, value })),
  table,
});

/** The US states' risk-of-harm decisions recorded, if any: finding, basis, who decided when. */
function harmSections(db: CaseFile['db']): RegisterSection[] {
  const recorded = harmDeterminations(db);
  if (recorded.length === 0) return [];
  return [
    section('Harm decisions (US states)', [], {
      columns: ['Jurisdiction', 'Finding', 'Basis', 'Decided by'],
      rows: recorded.map((d) => [
        `${jurisdictionName(d.jurisdiction)} (${d.jurisdiction})`,
        d.finding === 'harm_likely'
          ? 'harm is likely: notify'
          : 'no reasonable likelihood of harm: do not notify',
        d.basis,
        `${d.decidedBy}, ${d.decidedAt.slice(0, 16).replace('T', ' ')} UTC`,
      ]),
    }),
  ];
}

function zoned(time: ZonedTime | null): string {
  if (time === null) return 'not recorded';
  return `${localTextOf(time)} ${time.zone}${time.approximate ? ' (approximate)' : ''}`;
}

/**
 * The GDPR Art. 33(5) record: the facts of the breach, its effects, the remedial action taken,
 * and every notification decision with its rationale, built from the case as it stands.
 */
export function breachRegister(
  file: CaseFile,
  ctx: ServiceContext,
  asOf: string | undefined,
  today: string,
): RegisterDocument {
  const { db } = file;
  const record = getCaseRecord(db);
  const facts = getFacts(db);
  const zone = facts.discoveredAt?.zone ?? facts.awareAt?.zone ?? 'UTC';
  const board = obligationsBoard(file, asOf, today);
  const latest = assessments(db)[0] ?? null;
  const decided = assessments(db).find((a) => a.decision !== null) ?? null;
  const populations = effectivePopulations(db);
  const total = populations.reduce((sum, p) => sum + p.count, 0);
  const since = facts.discoveredAt?.utc ?? '';
  const actions = eventsTable.all(db).filter((e) => e.at.utc >= since);
  const tasks = tasksTable.all(db);
  const onBoard = new Set(board.rows.map((r) => r.ruleId));

  const sections: RegisterSection[] = [
    section('The breach', [
      ['Summary', facts.summary || 'not recorded'],
      ['Nature', facts.nature.join(', ') || 'not recorded'],
      ['Cause', facts.cause || 'not recorded'],
      ['Discovered', zoned(facts.discoveredAt)],
      ['Aware (notification clocks start)', zoned(facts.awareAt)],
      ['Contained', zoned(facts.containedAt)],
      ['Exposure window', `${zoned(facts.exposureStart)} to ${zoned(facts.exposureEnd)}`],
      [
        'Law-enforcement delay',
        facts.lawEnforcementDelay.requested
          ? `requested: ${facts.lawEnforcementDelay.note}`
          : 'none requested',
      ],
      ['Incident status', facts.status],
    ]),
    section(
      'Personal data and people affected',
      [
        [
          'People affected (total)',
          `${total.toLocaleString('en-US')}${populations.every((p) => p.exact) ? '' : ' (estimate)'}`,
        ],
      ],
      {
        columns: ['Data element', 'Encrypted', 'Key compromised', 'Note'],
        rows: dataElementsTable
          .all(db)
          .map((e) => [
            dataElementLabel(e.term, e.customLabel),
            e.encrypted ? 'yes' : 'no',
            e.keyCompromised ? 'yes' : 'no',
            e.note,
          ]),
      },
    ),
    section('People affected by jurisdiction', [], {
      columns: ['Jurisdiction', 'People', 'Exact or estimate'],
      rows: populations.map((p) => [
        `${jurisdictionName(p.jurisdiction)} (${p.jurisdiction})`,
        p.count.toLocaleString('en-US'),
        p.exact ? 'exact' : 'estimate',
      ]),
    }),
    section(
      'Effects and likely consequences',
      latest === null
        ? [['Severity assessment', 'not assessed yet']]
        : [
            [
              'Severity (ENISA)',
              `${latest.arithmetic}: ${BAND_LABELS[latest.band]} (version ${latest.version}, ${latest.savedAt.slice(0, 10)}, ${latest.savedBy})`,
            ],
            ['Data processing context', latest.enisa.dpc.rationale || '—'],
            ['Ease of identification', latest.enisa.ei.rationale || '—'],
            ['Circumstances of the breach', latest.enisa.cb.rationale || '—'],
            ...EDPB_FACTORS.filter((f) => latest.factors[f.id]?.applies === true).map(
              (f): [string, string] => [f.label, latest.factors[f.id]?.note || 'applies'],
            ),
          ],
    ),
    section(
      'Risk decision',
      decided === null || decided.decision === null
        ? [
            ['Decision', 'No risk decision confirmed yet (decision needed)'],
            [
              'Suggested by the severity calculator',
              latest === null
                ? 'none yet (severity not assessed)'
                : `${RISK_WORDS[latest.suggestedRisk]} (not confirmed)`,
            ],
          ]
        : [
            ['Risk to people', decided.decision.risk],
            ['Rationale', decided.decision.rationale],
            [
              'Confirmed by',
              `${decided.decision.confirmedBy}, ${decided.decision.confirmedAt.slice(0, 16).replace('T', ' ')} UTC (assessment version ${decided.version})`,
            ],
          ],
    ),
    // A state's harm decision is the determination in writing its law asks for: kept here too.
    ...harmSections(db),
    // A task linked to a notice is named under that notice, never as a claim of its own.
    section('Remedial action', [], {
      columns: ['When', 'Action', 'Detail'],
      rows: [
        ...actions.map((e) => [zoned(e.at), e.title, e.detail]),
        ...tasks
          .filter((t) => t.obligationRuleId === null || !onBoard.has(t.obligationRuleId))
          .map((t) => [
            t.due ?? '',
            `Task: ${t.title}`,
            t.obligationRuleId === null
              ? TASK_STATUS_LABELS[t.status].toLowerCase()
              : `linked to the notice ${t.obligationRuleId}, not owed on the facts now (its status is the notice's)`,
          ]),
      ],
    }),
    ...noticeSections(board, zone, tasks),
    section('Evidence', [], {
      columns: ['File', 'SHA-256', 'Size (bytes)'],
      rows: listEvidenceItems(db).map((e) => [e.name, e.sha256, String(e.size)]),
    }),
  ];
  return {
    title: `Breach register entry (GDPR Art. 33(5)): ${record.title}`,
    caseTitle: record.title,
    organisation: record.organisation,
    generatedAt: ctx.now().toISOString(),
    generatedBy: ctx.actor,
    asOf: board.asOf,
    sections,
  };
}
