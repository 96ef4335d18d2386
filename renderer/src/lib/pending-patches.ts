/**
 * Patches of items on their way to the case file. A store shows an item with its pending patches
 * applied (so a quick second edit builds on the first, and an earlier answer does not make a
 * field flicker back), and sends each item's editable fields in full: the contract's patch
 * schemas fill the fields a patch leaves out with their defaults, so a partial patch would blank them.
 */
export class PendingPatches<P extends object> {
  private readonly pending = new Map<string, Set<P>>();

  add(id: string, patch: P): void {
    let set = this.pending.get(id);
    if (set === undefined) {
      set = new Set();
      this.pending.set(id, set);
    }
    set.add(patch);
  }

  delete(id: string, patch: P): void {
    const set = this.pending.get(id);
    set?.delete(patch);
    if (set?.size === 0) this.pending.delete(id);
  }

  /** The item as it will be once every pending patch is written. */
  apply<T extends { id: string }>(item: T): T {
    const set = this.pending.get(item.id);
    return set === undefined
      ? item
      : [...set].reduce<T>((current, patch) => ({ ...current, ...patch }), item);
  }

  clear(): void {
    this.pending.clear();
  }
}

/** `items` with the one whose id matches replaced (or appended), pending patches applied. */
export function upsert<T extends { id: string }>(
  items: readonly T[] | null,
  item: T,
  pending?: PendingPatches<object>,
): T[] {
  const shown = pending === undefined ? item : pending.apply(item);
  const list = items ?? [];
  return list.some((i) => i.id === item.id)
    ? list.map((i) => (i.id === item.id ? shown : i))
    : [...list, shown];
}
