import { describe, expect, it } from 'vitest';
import { labelOf, wrapLabel } from '../../renderer/src/features/overview/PeopleChart';
import { placeLabels } from '../../renderer/src/features/overview/strip-scale';

describe('people chart labels', () => {
  it('are whole: a name with an aside reads as a clause, and long labels wrap at spaces', () => {
    const eu = labelOf({ name: 'European Union (member states not listed separately)', jurisdiction: 'EU' });
    expect(eu).toBe('European Union, member states not listed separately (EU)');
    expect(wrapLabel(eu)).toEqual(['European Union, member states', 'not listed separately (EU)']);
    expect(wrapLabel(eu).join(' ')).toBe(eu);
    expect(labelOf({ name: 'California (US)', jurisdiction: 'US-CA' })).toBe('California (US-CA)');
    expect(wrapLabel('Germany (DE)')).toEqual(['Germany (DE)']);
    expect(wrapLabel('Supercalifragilisticexpialidocious-long-word x', 10)).toEqual([
      'Supercalifragilisticexpialidocious-long-word',
      'x',
    ]);
  });
});

describe('strip label placement', () => {
  it('places a label of higher priority first, so the nearest deadline is labelled where labels crowd', () => {
    const xs = [100, 104, 108, 112];
    const texts = ['Discovered', 'Contained', 'Aware', 'Due: Art. 33 (next)'];
    const plain = placeLabels(xs, texts, 800, 3);
    expect(plain[3]?.visible).toBe(false);
    const ranked = placeLabels(xs, texts, 800, 3, [1, 1, 1, 2]);
    expect(ranked[3]).toEqual({ lane: 0, anchor: 'start', visible: true });
    expect(ranked.filter((p) => p.visible)).toHaveLength(3);
  });

  it('never overlaps two labels on one lane', () => {
    const placed = placeLabels([10, 300, 20], ['aaaaaaaaaa', 'bbbb', 'cccc'], 800, 2, [0, 0, 1]);
    expect(placed[2]?.lane).toBe(0);
    expect(placed[0]?.lane).toBe(1);
    expect(placed[1]?.lane).toBe(0);
  });
});
