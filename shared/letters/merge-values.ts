import type { CaseRecord } from '../domain/case';
import { type DataElement, type DataElementTerm } from '../domain/data-elements';
import { type BREACH_NATURES, type Facts } from '../domain/facts';
import type { Population } from '../domain/populations';
import { EEA_COUNTRY_CODES } from '../jurisdictions/eea';
import type { ZonedTime } from '../time/zoned-time';
import type { MergeFieldId } from './merge-fields';

export type LetterLanguage = 'en' | 'fr';
type BreachNature = (typeof BREACH_NATURES)[number];

export interface MergeSource {
  record: CaseRecord;
  facts: Facts;
  dataElements: DataElement[];
  populations: Population[];
  /** The letter's jurisdiction: "US-CA" counts that state, "US" every state, "EU" every GDPR country. */
  jurisdiction: string;
  /**
   * The people the notice this letter answers counts under its law (from the roster: only those
   * whose own exposed data meets its definition); when given, it is the jurisdiction's number.
   */
  peopleCounted?: number | null;
  /** YYYY-MM-DD. */
  letterDate: string;
  recipient: { name: string; address: string };
  /** Language of dates, lists and stock phrases; free text from the case is merged as recorded. */
  language?: LetterLanguage;
  /** One person's values, when a notice is written for them; else the fields say what they stand for. */
  person?: PersonMergeValues;
  /** The service offered with the notices, when the case offers one. */
  offer?: { service: string; enrolBy: string | null } | null;
}

/** What a notice merges for one person (never audited, logged or put in an error). */
export interface PersonMergeValues {
  name: string | null;
  accountId: string | null;
  dataElements: readonly DataElement[];
  offerCode: string | null;
}

const PERSON_PLACEHOLDERS: Record<
  'name' | 'accountId' | 'dataElements' | 'offerCode',
  Record<LetterLanguage, string>
> = {
  name: { en: '[name of each person]', fr: '[nom de chaque personne]' },
  accountId: { en: '[account id of each person]', fr: '[identifiant de compte de chaque personne]' },
  dataElements: { en: "[each person's own exposed data]", fr: '[données exposées de chaque personne]' },
  offerCode: { en: "[each person's activation code]", fr: "[code d'activation de chaque personne]" },
};

const LOCALES: Record<LetterLanguage, string> = { en: 'en-GB', fr: 'fr-FR' };

const ELEMENT_PHRASES: Record<Exclude<DataElementTerm, 'custom'>, Record<LetterLanguage, string>> = {
  name: { en: 'name', fr: 'nom' },
  email: { en: 'e-mail address', fr: 'adresse électronique' },
  username: { en: 'username', fr: "nom d'utilisateur" },
  password: { en: 'password', fr: 'mot de passe' },
  security_question: { en: 'security question and answer', fr: 'question secrète et sa réponse' },
  gender: { en: 'gender', fr: 'genre' },
  date_of_birth: { en: 'date of birth', fr: 'date de naissance' },
  postal_address: { en: 'postal address', fr: 'adresse postale' },
  phone: { en: 'phone number', fr: 'numéro de téléphone' },
  government_id: { en: 'government identification number', fr: "numéro d'identification officiel" },
  ssn: { en: 'Social Security number', fr: 'numéro de sécurité sociale (Social Security number)' },
  drivers_licence: {
    en: "driver's license or state identification card number",
    fr: "numéro de permis de conduire ou de carte d'identité",
  },
  passport: { en: 'passport number', fr: 'numéro de passeport' },
  financial_account: { en: 'financial account number', fr: 'numéro de compte financier' },
  payment_card: { en: 'payment card number', fr: 'numéro de carte de paiement' },
  health: { en: 'health information', fr: 'données de santé' },
  biometric: { en: 'biometric data', fr: 'données biométriques' },
  precise_geolocation: { en: 'precise location data', fr: 'données de géolocalisation précise' },
  tin: {
    en: 'taxpayer identification number or IRS identity-protection PIN',
    fr: "numéro d'identification fiscale américain (TIN) ou code IRS de protection d'identité",
  },
  military_id: { en: 'military identification number', fr: "numéro d'identification militaire" },
  health_insurance: {
    en: 'health insurance policy or subscriber number',
    fr: "numéro de police ou d'adhérent d'assurance santé",
  },
  genetic: { en: 'genetic data', fr: 'données génétiques' },
  birth_marriage_certificate: {
    en: 'birth or marriage certificate',
    fr: 'acte de naissance ou de mariage',
  },
  private_key: {
    en: 'private key used to sign documents electronically',
    fr: 'clé privée de signature électronique',
  },
  security_token: { en: 'shared secret or security token', fr: 'secret partagé ou jeton de sécurité' },
  employee_id: {
    en: 'employee identification number with its access code or password',
    fr: "numéro d'employé avec son code d'accès ou son mot de passe",
  },
  mothers_maiden_name: { en: "mother's maiden name", fr: 'nom de jeune fille de la mère' },
  electronic_identifier: {
    en: 'unique electronic identifier or routing code with its access code',
    fr: "identifiant électronique unique ou code d'acheminement avec son code d'accès",
  },
  electronic_signature: {
    en: 'digitized or electronic signature',
    fr: 'signature numérisée ou électronique',
  },
  account_access_code: {
    en: 'access code or password of a financial account',
    fr: "code d'accès ou mot de passe d'un compte financier",
  },
  special_category: {
    en: 'special categories of personal data',
    fr: 'catégories particulières de données personnelles',
  },
};

const NATURE_PHRASES: Record<BreachNature, Record<LetterLanguage, string>> = {
  confidentiality: {
    en: 'breach of confidentiality (personal data disclosed to or accessed by people not entitled to it)',
    fr: 'atteinte à la confidentialité (données divulguées à des personnes non autorisées ou consultées par elles)',
  },
  integrity: {
    en: 'breach of integrity (personal data altered without authorisation)',
    fr: "atteinte à l'intégrité (données modifiées sans autorisation)",
  },
  availability: {
    en: 'breach of availability (personal data lost or made inaccessible)',
    fr: 'atteinte à la disponibilité (données perdues ou rendues inaccessibles)',
  },
};

const CONTACT_KINDS: Record<Facts['organisation']['contactKind'], Record<LetterLanguage, string>> = {
  dpo: { en: 'data protection officer', fr: 'délégué à la protection des données' },
  contact_point: { en: 'contact point', fr: 'point de contact' },
};

const LAW_ENFORCEMENT: Record<'delayed' | 'notDelayed', Record<LetterLanguage, string>> = {
  delayed: {
    en: 'Notification was delayed at the request of a law-enforcement agency so as not to impede its investigation.',
    fr: 'La notification a été retardée à la demande des autorités répressives afin de ne pas entraver leur enquête.',
  },
  notDelayed: {
    en: 'Notification was not delayed because of a law-enforcement investigation.',
    fr: "La notification n'a pas été retardée en raison d'une enquête des autorités répressives.",
  },
};

function nonBlank(text: string | null | undefined): string | null {
  return text === null || text === undefined || text.trim() === '' ? null : text.trim();
}

/** "a, b and c" / "a, b et c". */
export function joinList(items: readonly string[], language: LetterLanguage = 'en'): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1] ?? ''}`;
}

function dayFormat(language: LetterLanguage, zone: string, precision: 'month' | 'day'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: zone,
    year: 'numeric',
    month: 'long',
    ...(precision === 'day' ? { day: 'numeric' } : {}),
  });
}

function frenchFirst(text: string, language: LetterLanguage): string {
  return language === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/**
 * A recorded moment as a letter date in the zone it was recorded in: "12 November 2020"
 * ("12 novembre 2020" in French), "November 2020" when only the month is known, with
 * "(approximate)" when it is an estimate.
 */
export function formatLetterTime(time: ZonedTime, language: LetterLanguage = 'en'): string {
  const precision = time.precision === 'month' ? 'month' : 'day';
  const text = frenchFirst(dayFormat(language, time.zone, precision).format(new Date(time.utc)), language);
  if (!time.approximate) return text;
  return language === 'fr' ? `${text} (approximativement)` : `${text} (approximate)`;
}

/** A calendar date (YYYY-MM-DD) as a letter date, or null when it is not one. */
export function formatLetterDate(date: string, language: LetterLanguage = 'en'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return frenchFirst(dayFormat(language, 'UTC', 'day').format(at), language);
}

/** The exposure window: "9 April 2020 to 12 November 2020" (French: "9 avril 2020 au 12 novembre 2020"). */
export function formatDateRange(
  start: ZonedTime | null,
  end: ZonedTime | null,
  language: LetterLanguage = 'en',
): string | null {
  const unknown = language === 'fr' ? 'une date inconnue' : 'an unknown date';
  if (start === null && end === null) return null;
  const from = start === null ? unknown : formatLetterTime(start, language);
  if (end === null) return language === 'fr' ? `${from} à une date inconnue` : `${from} onwards`;
  const to = formatLetterTime(end, language);
  if (start !== null && from === to) return from;
  return language === 'fr' ? `${from} au ${to}` : `${from} to ${to}`;
}

export function formatCount(n: number, language: LetterLanguage = 'en'): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-US')
    .format(n)
    .replace(/[\u202f\u00a0]/g, '\u00a0');
}

const EEA: ReadonlySet<string> = new Set<string>([...EEA_COUNTRY_CODES, 'EU']);

/**
 * Whether a population row belongs to the letter's jurisdiction: the same code; "US" takes every
 * state ("US-CA"…); "EU"/"EEA" every GDPR country and the "EU" group row.
 */
export function inJurisdiction(rowCode: string, jurisdiction: string): boolean {
  const row = rowCode.toUpperCase();
  const target = jurisdiction.toUpperCase();
  if (row === target) return true;
  if (target === 'US') return row.startsWith('US-');
  if (target === 'EU' || target === 'EEA') return EEA.has(row);
  return false;
}

/** The people of the letter's jurisdiction, or null when no population row is for it. */
export function peopleInJurisdiction(
  populations: readonly Population[],
  jurisdiction: string,
): number | null {
  const rows = populations.filter((p) => inJurisdiction(p.jurisdiction, jurisdiction));
  return rows.length === 0 ? null : rows.reduce((sum, p) => sum + p.count, 0);
}

function dataElementPhrases(elements: readonly DataElement[], language: LetterLanguage): string[] {
  const out: string[] = [];
  for (const element of elements) {
    const phrase =
      element.term === 'custom' ? nonBlank(element.customLabel) : ELEMENT_PHRASES[element.term][language];
    if (phrase !== null && !out.includes(phrase)) out.push(phrase);
  }
  return out;
}

/**
 * The value of every merge field for a letter, from the case as it is now; null when the case
 * has no value (an empty summary, no populations…), which the editor highlights and the
 * "unfilled merge fields" check reports. The number of records falls back to the number of
 * people (one record per person) because the case does not record it separately.
 */
export function mergeValues(source: MergeSource): Record<MergeFieldId, string | null> {
  const language = source.language ?? 'en';
  const { facts } = source;
  const org = facts.organisation;
  const total =
    source.populations.length === 0 ? null : source.populations.reduce((sum, p) => sum + p.count, 0);
  const inJur = source.peopleCounted ?? peopleInJurisdiction(source.populations, source.jurisdiction);
  const elements = dataElementPhrases(source.dataElements, language);
  const natures = facts.nature.map((n) => NATURE_PHRASES[n][language]);
  const delay = facts.lawEnforcementDelay;
  const delayText = delay.requested
    ? [LAW_ENFORCEMENT.delayed[language], nonBlank(delay.note)].filter((s) => s !== null).join(' ')
    : LAW_ENFORCEMENT.notDelayed[language];
  const time = (t: ZonedTime | null) => (t === null ? null : formatLetterTime(t, language));

  return {
    'case.title': nonBlank(source.record.title),
    'organisation.name': nonBlank(source.record.organisation),
    'organisation.address': nonBlank(org.address),
    'organisation.contactKind': CONTACT_KINDS[org.contactKind][language],
    'organisation.contactName': nonBlank(org.contactName),
    'organisation.contactEmail': nonBlank(org.contactEmail),
    'organisation.contactPhone': nonBlank(org.contactPhone),
    'breach.summary': nonBlank(facts.summary),
    'breach.cause': nonBlank(facts.cause),
    'breach.nature': natures.length === 0 ? null : natures.join('; '),
    'breach.discoveredDate': time(facts.discoveredAt),
    'breach.awareDate': time(facts.awareAt),
    'breach.containedDate': time(facts.containedAt),
    'breach.dateRange': formatDateRange(facts.exposureStart, facts.exposureEnd, language),
    'breach.dataElements': elements.length === 0 ? null : joinList(elements, language),
    'breach.peopleTotal': total === null ? null : formatCount(total, language),
    'breach.peopleInJurisdiction': inJur === null ? null : formatCount(inJur, language),
    'breach.recordsTotal': total === null ? null : formatCount(total, language),
    'breach.consequences': nonBlank(facts.consequences),
    'breach.measures': nonBlank(facts.measures),
    'breach.lawEnforcementDelay': delayText,
    'letter.date': formatLetterDate(source.letterDate, language),
    'recipient.name': nonBlank(source.recipient.name),
    'recipient.address': nonBlank(source.recipient.address),
    ...personFieldValues(source.person, language, source.offer ?? null),
  };
}

type PersonFieldValues = Pick<
  Record<MergeFieldId, string | null>,
  | 'person.name'
  | 'person.accountId'
  | 'person.dataElements'
  | 'offer.service'
  | 'offer.code'
  | 'offer.enrolBy'
>;

/** A person's own values, or in a letter being edited what each field stands for. */
export function personFieldValues(
  person: PersonMergeValues | undefined,
  language: LetterLanguage,
  given: MergeSource['offer'],
): PersonFieldValues {
  const offer = given ?? null;
  const offerService = offer === null ? null : nonBlank(offer.service);
  const offerEnrolBy =
    offer === null || offer.enrolBy === null ? null : formatLetterDate(offer.enrolBy, language);
  if (person === undefined) {
    return {
      'person.name': PERSON_PLACEHOLDERS.name[language],
      'person.accountId': PERSON_PLACEHOLDERS.accountId[language],
      'person.dataElements': PERSON_PLACEHOLDERS.dataElements[language],
      'offer.service': offerService,
      'offer.code': offer === null ? null : PERSON_PLACEHOLDERS.offerCode[language],
      'offer.enrolBy': offerEnrolBy,
    };
  }
  const own = dataElementPhrases(person.dataElements, language);
  return {
    'person.name': nonBlank(person.name ?? ''),
    'person.accountId': nonBlank(person.accountId ?? ''),
    'person.dataElements': own.length === 0 ? null : joinList(own, language),
    'offer.service': offerService,
    'offer.code': nonBlank(person.offerCode ?? ''),
    'offer.enrolBy': offerEnrolBy,
  };
}
