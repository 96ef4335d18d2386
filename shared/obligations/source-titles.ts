import type { RulePack } from './rule-pack';

/** A rule's source as shown to people: its title and address (never a live link; the app is offline). */
export interface SourceReference {
  key: string;
  title: string;
  url: string;
  /** What the source supports, where the pack says so. */
  supports: string;
}

/**
 * Titles of the references the pack cites by the keys of DOMAIN.md §4 (California, GDPR/CNIL and
 * the first US states), which the pack's per-jurisdiction references do not hold.
 */
const BUILT_IN: Record<string, { title: string; url: string }> = {
  C1: {
    title: 'California Civil Code §1798.82 (current text, 30-day rule)',
    url: 'https://lexace.ai/us/statute/california/civ-1798.82',
  },
  C2: {
    title: 'California Civil Code §1798.82 (text before 2026)',
    url: 'https://trellis.law/state-rules/ca/laws/civil-code-civ/',
  },
  C3: {
    title: 'California Attorney General: data breach reporting',
    url: 'https://oag.ca.gov/ecrime/databreach/reporting',
  },
  C4: {
    title: 'Snell & Wilmer data breach map: California',
    url: 'https://www.swlaw.com/data-breach-map/view/state/ca',
  },
  C5: {
    title: 'Lexology: California 2016 notice format amendment and model form',
    url: 'https://www.lexology.com/library/detail.aspx?g=aac0548a-dbb0-48c4-88ea-7643a4d806b7',
  },
  C6: {
    title: "Sidley Data Matters: California's 2016 breach notice requirements",
    url: 'https://datamatters.sidley.com/2016/01/04/californias-new-data-breach-notification-requirements-effective-january-1-2016/',
  },
  C7: {
    title: 'California Attorney General: report a breach',
    url: 'https://oag.ca.gov/privacy/databreach/report-a-breach',
  },
  C8: {
    title: 'Mondaq: California enacts a 30-day breach notice deadline',
    url: 'https://www.mondaq.com/unitedstates/data-protection/1693242/california-enacts-30-day-data-breach-notification-deadline',
  },
  C9: {
    title: 'Data Protection Report: California tightens breach notice timelines',
    url: 'https://www.dataprotectionreport.com/2025/11/california-tightens-data-breach-notification-timelines-imposes-30-day-notice-requirement/',
  },
  C10: {
    title: "Carlson Law Group: I've had a data breach, now what?",
    url: 'https://www.carlsonlawgroup.com/ive-had-a-data-breach-now-what/',
  },
  G1: {
    title: 'GDPR Art. 33: notification to the supervisory authority',
    url: 'https://gdprlearninghub.com/article-33-gdpr/',
  },
  G2: {
    title: 'GDPR Art. 34: communication to the data subject',
    url: 'https://overview.legal/laws/gdpr/art-34',
  },
  G3: {
    title: 'GDPR breach notification: awareness (EDPB 9/2022) and the lead authority',
    url: 'https://macwangrid.com/blog/gdpr-breach-notification-requirements.html',
  },
  G4: {
    title: 'Inside Privacy: EDPB guidelines on breach notification examples',
    url: 'https://www.insideprivacy.com/data-security/data-breaches/edpb-publishes-draft-guidelines-on-data-breach-notification-examples/',
  },
  G5: {
    title: 'UODO (Polish supervisory authority): breach notification',
    url: 'https://bip.uodo.gov.pl/en/573/984',
  },
  N1: {
    title: 'CNIL: when to notify a personal data breach',
    url: 'https://cnil.fr/fr/cnil-direct/question/reglement-europeen-quand-faut-il-notifier-une-violation-de-donnees-la-cnil',
  },
  N2: {
    title: 'CNIL: notify a personal data breach',
    url: 'https://www.cnil.fr/fr/notifier-une-violation-de-donnees-personnelles',
  },
  N3: {
    title: 'Gérardin Avocat: does notifying the CNIL trigger an inspection?',
    url: 'https://www.gerardin-avocat.com/est-ce-que-le-fait-de-notifier-une-violation-de-donnees-personnelles-a-la-cnil-va-declencher-un-controle/',
  },
  S1: {
    title: 'Perkins Coie: Texas breach notification chart',
    url: 'https://www.perkinscoie.com/en/news-insights/security-breach-notification-chart-texas.html',
  },
  S2: { title: 'Texas SB 768 text (§521.053(i))', url: 'https://billcam.com/bill-texts/w6dDLmcAOt' },
  S3: {
    title: 'Texas Business and Commerce Code §521.053',
    url: 'https://lawserver.com/law/state/texas/tx-codes/texas_business_and_commerce_code_521-053',
  },
  S4: {
    title: 'Washington breach notification summary',
    url: 'https://complianceiq.site/breach-notification/washington',
  },
  S5: {
    title: 'Florida breach notification summary',
    url: 'https://www.complianceiq.site/breach-notification/florida',
  },
  S6: { title: 'Florida breach notification (Words by Wit)', url: 'https://www.wordsbywit.com/florida' },
  S7: { title: 'Davis Wright Tremaine: Florida breach law', url: 'https://www.dwt.com/gcp/states/florida' },
  S8: {
    title: 'Covington: New York amends its breach notification law',
    url: 'https://www.covingtonblogs.com/2025/01/07/new-york-adopts-amendment-to-the-state-data-breach-notification-law/',
  },
  S9: {
    title: 'SHRM: New York State updates breach notification',
    url: 'https://www.shrm.org/topics-tools/employment-law-compliance/new-york-state-enacts-immediate-update-to-breach-notification',
  },
  S10: {
    title: 'Rob Melton: state incident notification summary',
    url: 'https://www.robmelton.com/laws/incident-notification/state/',
  },
  S11: {
    title: "Washington Attorney General: the state's breach notification laws",
    url: 'https://atg.wa.gov/washington-s-data-breach-notification-laws',
  },
  S12: {
    title: 'Mass.gov: notifications in the event of a data breach',
    url: 'https://www.mass.gov/info-details/notifications-in-the-event-of-a-data-breach',
  },
  S13: {
    title: 'National Law Review: Massachusetts breach response portal',
    url: 'http://natlawreview.com/article/breach-response-portal-added-massachusetts-regulator',
  },
  S14: {
    title: 'Massachusetts breach notification summary',
    url: 'https://complianceiq.site/breach-notification/massachusetts',
  },
  S15: {
    title: 'Colorado breach notification summary',
    url: 'https://complianceiq.site/breach-notification/colorado',
  },
  S16: {
    title: 'Rob Melton: Colorado summary (conflicting)',
    url: 'https://www.robmelton.com/laws/incident-notification/state/',
  },
  S17: {
    title: 'New Jersey Cybersecurity and Communications Integration Cell: breach notifications',
    url: 'https://www.cyber.nj.gov/data-breach-notifications/',
  },
  S18: {
    title: 'New Jersey breach notification summary',
    url: 'https://complianceiq.site/breach-notification/new-jersey',
  },
  S19: {
    title: '815 ILCS 530/10 (Illinois Personal Information Protection Act)',
    url: 'https://witnessslips.ilga.gov/legislation/ilcs/documents/081505300K10.htm',
  },
  S20: {
    title: 'Patterson Belknap: Illinois to require Attorney General notification',
    url: 'https://www.pbwt.com/data-security-law-blog/illinois-to-require-attorney-general-notification-under-new-breach-amendment/',
  },
  S21: {
    title: 'Illinois breach notification summary (states 45 days: conflicting)',
    url: 'https://www.complianceiq.site/breach-notification/illinois',
  },
  S22: {
    title: 'Breach notification matrix (FTC Safeguards Rule note)',
    url: 'https://hardlinelending.com/legal/breach-notification-matrix',
  },
};

/** "Statute text §45.48.010: disclosure after…" → "Statute text §45.48.010". */
function titleOf(supports: string, key: string): string {
  const head = supports.split(/: |; /, 1)[0]?.trim() ?? '';
  return head === '' ? `Source ${key}` : head;
}

/** A rule's sources with their titles and addresses: the pack's references, else the built-in titles. */
export function sourceReferences(
  pack: Pick<RulePack, 'references'>,
  jurisdiction: string,
  keys: readonly string[],
): SourceReference[] {
  return keys.map((key) => {
    const fromPack = pack.references[jurisdiction]?.[key] ?? pack.references.US?.[key];
    if (fromPack !== undefined) {
      // Some references name a source that has no address ("a per-state summary…"): that is its title.
      if (!/^https?:\/\//.test(fromPack.url))
        return { key, title: fromPack.url, url: '', supports: fromPack.supports };
      return { key, title: titleOf(fromPack.supports, key), url: fromPack.url, supports: fromPack.supports };
    }
    const builtIn = BUILT_IN[key];
    if (builtIn !== undefined) return { key, ...builtIn, supports: '' };
    return { key, title: `Source ${key}`, url: '', supports: '' };
  });
}
