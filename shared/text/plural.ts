import { formatCount } from './count';

/** A count with the word that goes with it: "1 file", "1,024 files". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
