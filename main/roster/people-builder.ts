import type { DataElementTerm } from '../../shared/domain/data-elements';
import { elementsKey, RESIDENCY_SOURCES, type RosterGroup } from '../../shared/domain/roster';

/**
 * Records merged into people. Record ids index typed arrays (ten million records take a few
 * hundred megabytes, not gigabytes of objects); a person is counted under the smallest id of
 * their records, so the same roster always gives the same people.
 */
export class UnionFind {
  readonly #parent: Int32Array;

  constructor(size: number) {
    this.#parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.#parent[i] = i;
  }

  find(x: number): number {
    const parent = this.#parent;
    let root = x;
    while (parent[root] !== root) root = parent[root] ?? root;
    // Path compression: the next find of any of these is one step.
    let node = x;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.#parent[rb] = ra;
    else this.#parent[ra] = rb;
  }
}

/** What the builder knows of a dataset: whether it is a scope, and which scope limits it. */
export interface DatasetRole {
  /** This dataset only limits another one: its records are keys, not people. */
  isScope: boolean;
  /** The scope dataset (by seq) limiting this one's people, or null. */
  scopedBy: number | null;
}

export interface BuiltPeople {
  groups: RosterGroup[];
  /** People in scope (affected), and those left out by a scope. */
  people: number;
  outOfScope: number;
  /** `[record, person]` for every record counted under another record's id. */
  links: Int32Array;
  /** Pairs of records (first records of two people) that may be one person. */
  suggestions: [number, number][];
}

const UNRANKED = 127;

/**
 * Builds people from records in four passes the caller feeds from the case file: exact keys
 * (`addKeyGroup` for each run of equal account ids, e-mails or phones), merge decisions
 * (`mergeDecided`), suggestion keys (`addSuggestionGroup`, after every exact key), then every
 * record (`addRecord`, in id order), then `finish`.
 */
export class PeopleBuilder {
  readonly #found: UnionFind;
  readonly #inScope: Uint8Array;
  readonly #residency: Int8Array;
  readonly #jurisdiction: Int32Array;
  readonly #elements: Int32Array;
  readonly #hasPeople: Uint8Array;
  readonly #affected: Uint8Array;
  readonly #jurisdictions: string[] = [];
  readonly #jurisdictionIds = new Map<string, number>();
  /** Element combinations, by local id: 0 is the empty one. */
  readonly #sets: DataElementTerm[][] = [[]];
  readonly #setIds = new Map<string, number>([['', 0]]);
  readonly #unions = new Map<number, number>();
  readonly #stored: Map<number, number>;
  readonly #suggestions: [number, number][] = [];

  constructor(
    readonly size: number,
    private readonly roles: ReadonlyMap<number, DatasetRole>,
    /** The case file's element sets (id → terms). */
    storedSets: ReadonlyMap<number, readonly DataElementTerm[]>,
    private readonly keptApart: ReadonlySet<string>,
  ) {
    this.#found = new UnionFind(size);
    this.#inScope = new Uint8Array(size);
    this.#residency = new Int8Array(size).fill(UNRANKED);
    this.#jurisdiction = new Int32Array(size);
    this.#elements = new Int32Array(size);
    this.#hasPeople = new Uint8Array(size);
    this.#affected = new Uint8Array(size);
    this.#stored = new Map([...storedSets].map(([id, terms]) => [id, this.#setId(terms)]));
  }

  /** Records sharing one exact key: one person; a scope record among them puts them in scope. */
  addKeyGroup(members: readonly (readonly [id: number, dataset: number])[]): void {
    let first = -1;
    for (const [id, dataset] of members) {
      if (this.roles.get(dataset)?.isScope === true) continue;
      if (first === -1) first = id;
      else this.#found.union(first, id);
    }
    for (const [, scopeDataset] of members) {
      if (this.roles.get(scopeDataset)?.isScope !== true) continue;
      for (const [id, dataset] of members) {
        if (this.roles.get(dataset)?.scopedBy === scopeDataset) this.#inScope[id] = 1;
      }
    }
  }

  mergeDecided(first: number, second: number): void {
    if (first < this.size && second < this.size) this.#found.union(first, second);
  }

  /** Records with the same name, date of birth and postal code: a suggestion only, never merged. */
  addSuggestionGroup(members: readonly (readonly [id: number, dataset: number])[]): void {
    const firstOfPerson = new Map<number, number>();
    for (const [id, dataset] of members) {
      if (this.roles.get(dataset)?.isScope === true) continue;
      const root = this.#found.find(id);
      if (!firstOfPerson.has(root)) firstOfPerson.set(root, id);
    }
    const firsts = [...firstOfPerson.values()].sort((a, b) => a - b);
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        const pair: [number, number] = [firsts[i] ?? 0, firsts[j] ?? 0];
        if (!this.keptApart.has(`${pair[0]}:${pair[1]}`)) this.#suggestions.push(pair);
      }
    }
  }

  addRecord(id: number, dataset: number, jurisdiction: string, residency: number, elements: number): void {
    const role = this.roles.get(dataset);
    if (role === undefined || role.isScope) return;
    const root = this.#found.find(id);
    this.#hasPeople[root] = 1;
    if (role.scopedBy === null || this.#inScope[id] === 1) this.#affected[root] = 1;
    if (residency < (this.#residency[root] ?? UNRANKED)) {
      this.#residency[root] = residency;
      this.#jurisdiction[root] = this.#jurisdictionId(jurisdiction);
    }
    this.#elements[root] = this.#union(this.#elements[root] ?? 0, this.#stored.get(elements) ?? 0);
  }

  /**
   * Counts the people into groups; `onPerson` hears each affected person (the record they are
   * counted under, their residency and exposed elements) so the caller can keep them as rows.
   */
  finish(
    onPerson?: (id: number, jurisdiction: string, residency: number, elements: string) => void,
  ): BuiltPeople {
    const counts = new Map<string, RosterGroup>();
    let people = 0;
    let outOfScope = 0;
    let linkCount = 0;
    const setKeys = new Map<number, string>();
    for (let id = 0; id < this.size; id++) if (this.#found.find(id) !== id) linkCount += 1;
    const links = new Int32Array(linkCount * 2);
    let at = 0;
    for (let id = 0; id < this.size; id++) {
      const root = this.#found.find(id);
      if (root !== id) {
        links[at++] = id;
        links[at++] = root;
        continue;
      }
      if (this.#hasPeople[id] !== 1) continue;
      if (this.#affected[id] !== 1) {
        outOfScope += 1;
        continue;
      }
      people += 1;
      const jurisdiction = this.#jurisdictions[this.#jurisdiction[id] ?? 0] ?? 'unknown';
      const source = RESIDENCY_SOURCES[this.#residency[id] ?? 3] ?? 'unknown';
      const set = this.#elements[id] ?? 0;
      if (onPerson !== undefined) {
        let terms = setKeys.get(set);
        if (terms === undefined) setKeys.set(set, (terms = elementsKey(this.#sets[set] ?? [])));
        onPerson(id, jurisdiction, this.#residency[id] ?? 3, terms);
      }
      const key = `${jurisdiction}\u0000${set}\u0000${source}`;
      const group = counts.get(key);
      if (group === undefined) {
        counts.set(key, { jurisdiction, elements: this.#sets[set] ?? [], source, people: 1 });
      } else {
        group.people += 1;
      }
    }
    const groups = [...counts.values()].sort(
      (a, b) =>
        a.jurisdiction.localeCompare(b.jurisdiction) ||
        a.elements.join('+').localeCompare(b.elements.join('+')) ||
        a.source.localeCompare(b.source),
    );
    return { groups, people, outOfScope, links, suggestions: this.#suggestions };
  }

  #jurisdictionId(code: string): number {
    let id = this.#jurisdictionIds.get(code);
    if (id === undefined) {
      id = this.#jurisdictions.length;
      this.#jurisdictions.push(code);
      this.#jurisdictionIds.set(code, id);
    }
    return id;
  }

  #setId(terms: readonly DataElementTerm[]): number {
    const sorted = [...new Set(terms)].sort();
    const key = sorted.join('+');
    let id = this.#setIds.get(key);
    if (id === undefined) {
      id = this.#sets.length;
      this.#sets.push(sorted);
      this.#setIds.set(key, id);
    }
    return id;
  }

  #union(a: number, b: number): number {
    if (a === b || b === 0) return a;
    if (a === 0) return b;
    const key = a < b ? a * 65536 + b : b * 65536 + a;
    let id = this.#unions.get(key);
    if (id === undefined) {
      id = this.#setId([...(this.#sets[a] ?? []), ...(this.#sets[b] ?? [])]);
      this.#unions.set(key, id);
    }
    return id;
  }
}
