import { formatCount } from './count';

const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Sizes in binary multiples with one decimal, named as such so they cannot be read as decimal
 * ones: "12.4 KiB" (bytes shown as a whole number: "1,000 bytes").
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(bytes)} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
