import { DATA_ELEMENT_VOCABULARY, type DataElementTerm } from '../../../../shared/domain/data-elements';

/** The vocabulary's categories as the panel names them, in the order its picker groups them. */
export const CATEGORY_LABELS = {
  simple: 'Simple',
  behavioural: 'Behavioural',
  financial: 'Financial',
  sensitive: 'Sensitive',
} as const;

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as (keyof typeof CATEGORY_LABELS)[];

/** The category label of a data element (custom elements count as simple). */
export function categoryLabel(term: DataElementTerm): string {
  const category = DATA_ELEMENT_VOCABULARY.find((v) => v.term === term)?.category ?? 'simple';
  return CATEGORY_LABELS[category];
}
