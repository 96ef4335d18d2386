import { formatBytes } from '../../../shared/text/bytes';

/** "48.2 MiB/s"; an empty string until a rate is known. */
export function formatRate(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? `${formatBytes(Math.round(bytesPerSecond))}/s` : '';
}

/** "about 2 min 5 s left", "under a second left"; null when not known yet. */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 1) return 'under a second left';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  if (hours > 0) return `about ${hours} h ${minutes} min left`;
  if (minutes > 0) return `about ${minutes} min ${secs} s left`;
  return `about ${secs} s left`;
}
