import type { FactsPatch } from '../../../../shared/domain/facts';
import { useFactsStore } from '../../stores/facts-store';
import type { SaveKey } from '../../stores/workspace-store';

/** Writes one change to the facts; the key names it in the save state ("facts.summary"). */
export function saveFacts(key: SaveKey, patch: FactsPatch): Promise<boolean> {
  return useFactsStore.getState().update(key, patch);
}
