import { formatCount } from './count';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** Sizes in binary multiples with one decimal: "12.4 KB" (bytes shown as a whole number). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(bytes)} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}
