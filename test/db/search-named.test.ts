import { effectivePopulations } from '../../main/services/roster/effective-populations';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLetters } from '../../main/casefile/repos/letters-repo';
import { populationsTable } from '../../main/casefile/repos/tables';
import { createDemoCase } from '../../main/services/demo-service';
import { searchCase } from '../../main/services/search-service';
import { marked, matchesAll, queryWords } from '../../main/services/search-matching';
import { testContext } from '../helpers/cases';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();

describe('search by name: obligations, letters and people by jurisdiction', () => {
  it('finds the California notices, the letters to California and the California people row', async () => {
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, testContext());
    const results = searchCase(file, 'California', 50, '2020-11-17');
    const obligations = results.filter((r) => r.kind === 'obligation');
    expect(obligations.map((r) => r.id)).toEqual(
      expect.arrayContaining(['us-ca-individuals-until-2025', 'us-ca-ag-sample-until-2025']),
    );
    expect(obligations.every((r) => r.id.startsWith('us-ca-'))).toBe(true);
    expect(obligations[0]?.snippet).toContain('\u0002California\u0003');

    const letters = results.filter((r) => r.kind === 'letter');
    const californian = listLetters(file.db).filter((l) => l.jurisdiction === 'US-CA');
    expect(californian.length).toBeGreaterThan(0);
    expect(letters.map((r) => r.id).sort()).toEqual(californian.map((l) => l.id).sort());

    const people = results.filter((r) => r.kind === 'people');
    // The demo's Californians come from its roster: the row is derived, not entered by hand.
    const row = effectivePopulations(file.db).find((p) => p.jurisdiction === 'US-CA');
    expect(populationsTable.all(file.db)).toEqual([]);
    expect(people).toEqual([
      expect.objectContaining({
        id: row?.id,
        title: 'People affected in California (US)',
        line: null,
        snippet: expect.stringContaining('US-CA · 1,240 people') as unknown,
      }),
    ]);
    // Obligations, letters and people lead; the other kinds follow.
    expect(results.slice(0, 3).map((r) => r.kind)).toContain('obligation');
    file.close();
  });

  it('matches every word as the start of a word, diacritics and case aside, and by ISO code', async () => {
    const file = await createDemoCase(join(tempDir(), 'demo.bdcase'), false, testContext());
    const kinds = (text: string) => new Set(searchCase(file, text, 50, '2020-11-17').map((r) => r.kind));
    expect(kinds('new york attorney')).toContain('obligation');
    expect(searchCase(file, 'US-CA', 50, '2020-11-17').some((r) => r.kind === 'people')).toBe(true);
    expect(searchCase(file, 'alifornia', 50, '2020-11-17').filter((r) => r.kind === 'people')).toEqual([]);
    expect(searchCase(file, 'Integritetsskydd', 50, '2020-11-17').map((r) => r.kind)).toContain('letter');
    expect(() => searchCase(file, '"(*', 50, '2020-11-17')).not.toThrow();
    file.close();
  });

  it('folds case and diacritics and marks the words that matched', () => {
    const words = queryWords('québ CAL');
    expect(matchesAll(words, ['Quebec', 'California'])).toBe(true);
    expect(matchesAll(words, ['Quebec'])).toBe(false);
    expect(marked('Notify California residents', queryWords('cal res'))).toBe(
      'Notify \u0002California\u0003 \u0002residents\u0003',
    );
  });
});
