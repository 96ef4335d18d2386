import { BREACHDESK_US_EU_PACK } from './packs/breachdesk-us-eu';
import { rulePackSchema, type RulePack } from './rule-pack';

/**
 * The rule pack Breachdesk ships: the GDPR (Art. 33 and 34, with the CNIL's two-step practice)
 * and the US rules of DOMAIN.md §1.5, as data, one file per jurisdiction. Parsed here so that a
 * pack that no longer matches the schema fails at load, not halfway through an evaluation.
 */
export const DEFAULT_RULE_PACK: RulePack = rulePackSchema.parse(BREACHDESK_US_EU_PACK);
