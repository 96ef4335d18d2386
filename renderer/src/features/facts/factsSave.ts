import type { Facts, FactsPatch } from '../../../../shared/domain/facts';
import { EMPTY_FACTS } from '../../../../shared/domain/facts';
import { useFactsStore } from '../../stores/facts-store';
import type { SaveKey } from '../../stores/workspace-store';

/** Writes one change to the facts; the key names it in the save state ("facts.summary"). */
export function saveFacts(key: SaveKey, patch: FactsPatch): Promise<boolean> {
  return useFactsStore.getState().update(key, patch);
}

/**
 * Writes one organisation detail, sending the whole organisation as last shown: the patch
 * schema fills the details it is not given with their defaults, so a partial one would blank them.
 */
export function saveOrganisation(key: SaveKey, change: Partial<Facts['organisation']>): Promise<boolean> {
  const current = useFactsStore.getState().facts?.organisation ?? EMPTY_FACTS.organisation;
  return saveFacts(key, { organisation: { ...current, ...change } });
}
