import { randomUUID } from 'node:crypto';
import { CASE_DOCUMENT_FORMAT, type CaseDocumentInput } from '../../shared/domain/case-document';
import type { ZonedTime } from '../../shared/time/zoned-time';
import { zonedTimeFromLocal } from '../../shared/time/zoned-time';

const ZONE = 'Europe/Stockholm';

/** Affected accounts by jurisdiction (estimates), as SCENARIO.md gives them. */
export const DEMO_POPULATIONS: readonly (readonly [string, number])[] = [
  ['US-CA', 1240],
  ['US-NY', 610],
  ['US-TX', 300],
  ['US-WA', 120],
  ['US-IL', 45],
  ['FR', 41000],
  ['DE', 60000],
  ['SE', 22500],
  ['EU', 140000],
  ['ZZ', 84185],
];

function at(local: string, approximate = false): ZonedTime {
  const time = zonedTimeFromLocal(local, ZONE, { approximate });
  if (time === null) throw new Error(`demo time ${local} is invalid`);
  return time;
}

/** Keys of the timeline events that the demo's evidence files are linked to. */
export type DemoEventKey =
  | 'deployed'
  | 'flagged'
  | 'hotfix'
  | 'logsReviewed'
  | 'awareness'
  | 'reset'
  | 'deletionRequested'
  | 'usersNotified'
  | 'beatlineConfirmed'
  | 'klangwerkConfirmed'
  | 'adcircleConfirmed';

export interface DemoScenario {
  document: CaseDocumentInput;
  eventIds: Record<DemoEventKey, string>;
}

/** The sample incident of SCENARIO.md (fictional company, invented numbers) as a case document. */
export function demoScenario(): DemoScenario {
  const party = {
    beatline: randomUUID(),
    adcircle: randomUUID(),
    klangwerk: randomUUID(),
    imy: randomUUID(),
    cnil: randomUUID(),
  };
  const partners = [party.beatline, party.adcircle, party.klangwerk];
  const events: [DemoEventKey, string, string, string, string[], string[], string?][] = [
    [
      'deployed',
      '2020-04-09 10:00',
      'partner-sync 3.2 deployed (flaw introduced)',
      "Release 3.2 of the partner-sync service changed the account lookup so that partner tokens were no longer scoped to the partner's own customer list.",
      ['release', 'root-cause'],
      [],
    ],
    [
      'flagged',
      '2020-11-12 14:05',
      'Engineer flags out-of-scope partner queries',
      "An engineer on call noticed partner API calls for accounts outside the partners' customer lists.",
      ['detection'],
      partners,
    ],
    [
      'hotfix',
      '2020-11-12 18:40',
      'Hotfix 3.2.7 deployed; partner tokens rotated',
      'Scope check restored in partner-sync 3.2.7; all partner API tokens rotated.',
      ['containment'],
      partners,
    ],
    [
      'logsReviewed',
      '2020-11-13 09:00',
      'Access logs for 2020-04-09 → 2020-11-12 reviewed',
      'Security team reviewed partner-sync access logs for the whole exposure window to establish which accounts and fields were returned.',
      ['investigation'],
      partners,
      '2020-11-15 18:00',
    ],
    [
      'awareness',
      '2020-11-16 09:30',
      'Awareness: personal data confirmed exposed to three partners',
      'The access-log review established with reasonable certainty that display name, e-mail, gender, date of birth and legacy password hashes were returned to Beatline, AdCircle and Klangwerk.',
      ['awareness'],
      partners,
    ],
    [
      'reset',
      '2020-11-17 08:00',
      'Forced password reset of affected accounts',
      'Passwords of all affected accounts reset; users must choose a new password at next login.',
      ['remediation'],
      [],
    ],
    [
      'deletionRequested',
      '2020-11-18 11:00',
      'Deletion requests sent to the three partners',
      'Written requests to delete all account data received outside their customer lists, and to confirm deletion in writing.',
      ['partners'],
      partners,
    ],
    [
      'usersNotified',
      '2020-11-20 09:00',
      'E-mail notice to affected users',
      'Notice e-mailed to affected users (not to the breached address where the password was the compromised credential).',
      ['notification'],
      [],
    ],
    [
      'beatlineConfirmed',
      '2020-11-24 16:00',
      'Beatline confirms deletion',
      'Beatline Devices Ltd confirmed deletion in writing.',
      ['partners'],
      [party.beatline],
    ],
    [
      'klangwerkConfirmed',
      '2020-11-27 10:00',
      'Klangwerk confirms deletion',
      'Klangwerk GmbH confirmed deletion in writing.',
      ['partners'],
      [party.klangwerk],
    ],
    [
      'adcircleConfirmed',
      '2020-12-04 15:00',
      'AdCircle confirms deletion',
      'AdCircle Inc. confirmed deletion in writing.',
      ['partners'],
      [party.adcircle],
    ],
  ];
  const eventIds = Object.fromEntries(events.map(([key]) => [key, randomUUID()])) as Record<
    DemoEventKey,
    string
  >;
  const deletion = (partyId: string, confirmed: string) =>
    [
      {
        kind: 'deletion_requested' as const,
        at: at('2020-11-18 11:00'),
        note: 'Written request to delete and confirm.',
      },
      { kind: 'deletion_confirmed' as const, at: at(confirmed), note: 'Confirmation received in writing.' },
    ].map((a) => ({ ...a, id: randomUUID(), partyId }));
  const partnerParty = (id: string, name: string, address: string, role: string, confirmed: string) => ({
    id,
    name,
    kind: 'partner' as const,
    role,
    address,
    actions: deletion(id, confirmed).map(({ partyId: _partyId, ...a }) => a),
  });

  const document: CaseDocumentInput = {
    format: CASE_DOCUMENT_FORMAT,
    case: {
      title: 'Partner API exposure (partner-sync 3.2)',
      organisation: 'Sonora Streaming AB',
      status: 'notifying',
    },
    facts: {
      summary:
        'A flaw in release 3.2 of the partner-sync integration API let three partner companies retrieve account data of users they had no business with: display name, e-mail address, gender, date of birth and, for accounts created before 2015, the account password as stored by a legacy login system (unsalted MD5).',
      nature: ['confidentiality'],
      cause:
        "Release 3.2 of partner-sync stopped scoping partner tokens to each partner's own customer list.",
      consequences:
        'Accounts created before 2015 could be taken over where the weakly hashed password is still in use, here or on other services where people reused it; names, e-mail addresses and dates of birth could be used for phishing. The recipients were three known business partners, which limits the spread.',
      measures:
        'Hotfix 3.2.7 restored the scope check and partner tokens were rotated on 12 November 2020; passwords of the affected accounts were reset on 17 November; the three partners were asked in writing to delete the data and confirm; affected users were told to choose a new password and not to reuse it.',
      discoveredAt: at('2020-11-12 14:05'),
      awareAt: at('2020-11-16 09:30'),
      containedAt: at('2020-11-12 18:40'),
      exposureStart: at('2020-04-09 10:00'),
      exposureEnd: at('2020-11-12 18:40'),
      lawEnforcementDelay: { requested: false, note: '' },
      status: 'contained',
      organisation: {
        address: 'Sveavägen 1, 111 57 Stockholm, Sweden',
        role: 'controller',
        contactKind: 'dpo',
        contactName: 'Data Protection Officer',
        contactEmail: 'privacy@sonora.example',
        contactPhone: '+46 8 000 00 00',
        establishment: 'SE',
        financialInstitution: false,
      },
    },
    dataElements: [
      { term: 'name', note: 'Display name' },
      { term: 'email' },
      { term: 'gender' },
      { term: 'date_of_birth' },
      {
        term: 'password',
        encrypted: false,
        note: 'Accounts created before 2015: unsalted MD5 from the legacy login system; treat as compromised credentials.',
      },
    ],
    // No hand-entered counts: the demo's people come from its roster (the user directory scoped
    // by the access extract), imported after this document; see main/demo/roster-data.ts.
    populations: [],
    parties: [
      partnerParty(
        party.beatline,
        'Beatline Devices Ltd',
        'London, United Kingdom',
        'Speaker maker; 212,000 accounts queried',
        '2020-11-24 16:00',
      ),
      partnerParty(
        party.adcircle,
        'AdCircle Inc.',
        'San Francisco, CA, United States',
        'Advertising partner; 96,000 accounts queried',
        '2020-12-04 15:00',
      ),
      partnerParty(
        party.klangwerk,
        'Klangwerk GmbH',
        'Berlin, Germany',
        'Car-audio integration; 42,000 accounts queried',
        '2020-11-27 10:00',
      ),
      {
        id: party.imy,
        name: 'Integritetsskyddsmyndigheten (IMY)',
        kind: 'regulator',
        role: 'Lead supervisory authority (main establishment in Sweden)',
        address: 'Stockholm, Sweden',
      },
      {
        id: party.cnil,
        name: 'CNIL',
        kind: 'regulator',
        role: 'Concerned supervisory authority (users in France)',
        address: 'Paris, France',
      },
    ],
    events: events.map(([key, time, title, detail, tags, partyIds, end]) => ({
      id: eventIds[key],
      at: at(time),
      end: end === undefined ? null : at(end),
      title,
      detail,
      source: key === 'logsReviewed' ? 'partner-sync-access-2020-11.log' : 'Incident response log',
      tags,
      partyIds,
    })),
    tasks: [
      // Tasks for a notice are linked to its obligation and only track the work: whether the
      // notice was sent is the obligation's status (drafting, with the letter drafted, on day 2).
      {
        title: 'Notify the lead supervisory authority (IMY) under Art. 33',
        owner: 'DPO',
        due: '2020-11-19',
        status: 'in_progress',
        obligationRuleId: 'gdpr-art33-lead-authority',
      },
      {
        title: 'Send the sample notice to the California Attorney General',
        owner: 'Legal',
        due: '2020-11-27',
        status: 'in_progress',
        obligationRuleId: 'us-ca-ag-sample-until-2025',
      },
      {
        title: 'Obtain written deletion confirmation from AdCircle',
        owner: 'Partner management',
        due: '2020-12-01',
        status: 'done',
      },
      {
        title: 'Post-incident review of partner-sync release checks',
        owner: 'Engineering',
        due: '2020-12-18',
        status: 'open',
      },
    ],
    notes: [
      {
        title: 'Context: same-month database exposure',
        body: 'The company had a **separate** incident the same month: an unprotected database of about 300 million records found by a security firm. Keep the two cases apart in all notices.',
      },
      {
        title: 'Counsel: regulatory risk view',
        body: 'In France the CNIL fined a retailer EUR 3 million in 2020 for GDPR failings. Counsel considers timely Art. 33 notification and clear user communication essential.',
        privileged: true,
      },
    ],
  };
  return { document, eventIds };
}
