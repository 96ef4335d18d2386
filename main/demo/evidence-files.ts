import { DEMO_POPULATIONS, type DemoEventKey } from './scenario';
import { encodePng } from './png';
import { seededRandom as random } from './seeded-random';

export interface DemoFile {
  name: string;
  description: string;
  bytes: Buffer;
  linkedEvents: DemoEventKey[];
}

const PARTNERS = [
  { id: 'beatline', customers: 'bl' },
  { id: 'adcircle', customers: 'ac' },
  { id: 'klangwerk', customers: 'kw' },
];

function accessLog(): string {
  const next = random(20201112);
  const start = Date.parse('2020-11-01T00:00:00Z');
  const span = Date.parse('2020-11-12T17:40:00Z') - start;
  const lines = [
    '# partner-sync access log (synthetic; no real personal data)',
    '# time partner endpoint account fields scope',
  ];
  const times = Array.from({ length: 3000 }, () => start + Math.floor(next() * span)).sort((a, b) => a - b);
  for (const time of times) {
    const partner = PARTNERS[Math.floor(next() * PARTNERS.length)] ?? PARTNERS[0]!;
    const inScope = next() < 0.7;
    const account = `${inScope ? partner.customers : 'xx'}-${String(Math.floor(next() * 1_000_000)).padStart(6, '0')}`;
    const fields = inScope ? 'display_name' : 'display_name,email,gender,birth_date,legacy_password_md5';
    lines.push(
      `${new Date(time).toISOString()} ${partner.id} GET /v3/accounts/${account} ${fields} ${inScope ? 'in-scope' : 'OUT-OF-SCOPE'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function email(from: string, to: string, date: string, subject: string, body: string): string {
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Date: ${date}`,
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

function confirmation(partner: string, sender: string, date: string): string {
  return email(
    sender,
    'privacy@sonora.example',
    date,
    'Re: Request to delete Sonora account data',
    `Dear Data Protection Officer,\r\n\r\n${partner} confirms that all Sonora account data received through partner-sync for accounts outside our customer list has been deleted from our systems, including backups, as requested on 18 November 2020.\r\n\r\nKind regards,\r\nPrivacy team, ${partner}`,
  );
}

function screenshot(): Buffer {
  const width = 160;
  const height = 90;
  const rgb = new Uint8Array(width * height * 3);
  const next = random(42);
  const bars = Array.from({ length: 16 }, (_, i) => (i >= 12 ? 0.85 : 0.2 + next() * 0.25));
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const bar = bars[Math.floor(x / 10)] ?? 0;
      const filled = height - y < bar * height && x % 10 < 8;
      const colour = filled ? (bar > 0.8 ? [200, 40, 40] : [40, 90, 160]) : [245, 246, 248];
      rgb.set(colour, (y * width + x) * 3);
    }
  }
  return encodePng(width, height, rgb);
}

/** The evidence files of SCENARIO.md, generated (small, deterministic, no real personal data). */
export function demoEvidenceFiles(): DemoFile[] {
  return [
    {
      name: 'partner-sync-access-2020-11.log',
      description: 'Synthetic partner-sync access log, 1–12 November 2020 (3,000 lines).',
      bytes: Buffer.from(accessLog()),
      linkedEvents: ['logsReviewed', 'flagged'],
    },
    {
      name: 'release-3.2-changelog.md',
      description: 'Changelog of partner-sync release 3.2, which introduced the flaw.',
      bytes: Buffer.from(
        '# partner-sync 3.2 (2020-04-09)\n\n- Account lookup moved to the v3 endpoint.\n- Partner token scope check now done by the gateway (**removed from the service**).\n- Faster bulk queries for partners.\n\n# partner-sync 3.2.7 (2020-11-12)\n\n- Restore the partner customer-list scope check in the service.\n- Rotate all partner tokens.\n',
      ),
      linkedEvents: ['deployed', 'hotfix'],
    },
    {
      name: 'incident-report-2020-11-16.eml',
      description: 'Internal e-mail establishing awareness after the access-log review.',
      bytes: Buffer.from(
        email(
          'security-lead@sonora.example',
          'dpo@sonora.example, legal@sonora.example',
          'Mon, 16 Nov 2020 09:30:00 +0100',
          'Incident report: partner-sync exposure confirmed',
          'The access-log review for 9 April to 12 November is complete. Three partners (Beatline, AdCircle, Klangwerk) received account data of users outside their customer lists: display name, e-mail, gender, date of birth and, for pre-2015 accounts, the legacy MD5 password hash. About 350,000 accounts are affected. We consider this a personal data breach as of now.\r\n\r\nSecurity lead',
        ),
      ),
      linkedEvents: ['awareness'],
    },
    {
      name: 'deletion-confirmation-beatline.eml',
      description: 'Beatline Devices Ltd confirms deletion.',
      bytes: Buffer.from(
        confirmation('Beatline Devices Ltd', 'privacy@beatline.example', 'Tue, 24 Nov 2020 16:00:00 +0100'),
      ),
      linkedEvents: ['beatlineConfirmed'],
    },
    {
      name: 'deletion-confirmation-klangwerk.eml',
      description: 'Klangwerk GmbH confirms deletion.',
      bytes: Buffer.from(
        confirmation('Klangwerk GmbH', 'datenschutz@klangwerk.example', 'Fri, 27 Nov 2020 10:00:00 +0100'),
      ),
      linkedEvents: ['klangwerkConfirmed'],
    },
    {
      name: 'deletion-confirmation-adcircle.eml',
      description: 'AdCircle Inc. confirms deletion.',
      bytes: Buffer.from(
        confirmation('AdCircle Inc.', 'privacy@adcircle.example', 'Fri, 04 Dec 2020 15:00:00 +0100'),
      ),
      linkedEvents: ['adcircleConfirmed'],
    },
    {
      name: 'affected-by-jurisdiction.csv',
      description: 'Affected accounts by jurisdiction (estimates).',
      bytes: Buffer.from(`jurisdiction,count\n${DEMO_POPULATIONS.map(([j, c]) => `${j},${c}`).join('\n')}\n`),
      linkedEvents: ['awareness'],
    },
    {
      name: 'dashboard-screenshot.png',
      description: 'Monitoring dashboard: partner API volume spike (generated image).',
      bytes: screenshot(),
      linkedEvents: ['flagged'],
    },
  ];
}
