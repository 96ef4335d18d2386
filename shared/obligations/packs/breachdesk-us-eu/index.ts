// The rule pack Breachdesk ships, one file per jurisdiction (rules/CODE.json, every rule in it
// of that jurisdiction), so each can be reviewed, cited and extended on its own. A new
// jurisdiction is a new file and one line in JURISDICTION_FILES below.
import meta from './pack.json' with { type: 'json' };
import rulesEu from './rules/EU.json' with { type: 'json' };
import rulesFr from './rules/FR.json' with { type: 'json' };
import rulesUsCa from './rules/US-CA.json' with { type: 'json' };
import rulesUsNy from './rules/US-NY.json' with { type: 'json' };
import rulesUsTx from './rules/US-TX.json' with { type: 'json' };
import rulesUsFl from './rules/US-FL.json' with { type: 'json' };
import rulesUsWa from './rules/US-WA.json' with { type: 'json' };
import rulesUsMa from './rules/US-MA.json' with { type: 'json' };
import rulesUsCo from './rules/US-CO.json' with { type: 'json' };
import rulesUsNj from './rules/US-NJ.json' with { type: 'json' };
import rulesUsIl from './rules/US-IL.json' with { type: 'json' };
import rulesUs from './rules/US.json' with { type: 'json' };

/** Each jurisdiction's rules, in the order the pack lists them. */
export const JURISDICTION_FILES: Readonly<Record<string, readonly unknown[]>> = {
  EU: rulesEu,
  FR: rulesFr,
  'US-CA': rulesUsCa,
  'US-NY': rulesUsNy,
  'US-TX': rulesUsTx,
  'US-FL': rulesUsFl,
  'US-WA': rulesUsWa,
  'US-MA': rulesUsMa,
  'US-CO': rulesUsCo,
  'US-NJ': rulesUsNj,
  'US-IL': rulesUsIl,
  US: rulesUs,
};

/** The pack as one document, before validation (default-pack.ts parses it). */
export const BREACHDESK_US_EU_PACK: unknown = { ...meta, rules: Object.values(JURISDICTION_FILES).flat() };
