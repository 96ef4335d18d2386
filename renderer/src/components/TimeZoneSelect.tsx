import type { SelectHTMLAttributes } from 'react';
import { timeZones } from '../lib/zoned-display';

interface TimeZoneSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  value: string;
  onChange: (zone: string) => void;
}

/** A native select of every IANA zone: type "Europe/St" to jump, as in any list box. */
export function TimeZoneSelect({ value, onChange, className, ...rest }: TimeZoneSelectProps) {
  const zones = timeZones();
  const options = zones.includes(value) ? zones : [value, ...zones];
  return (
    <select
      className={['field__control', 'field__control--select', className ?? ''].filter(Boolean).join(' ')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      {...rest}
    >
      {options.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </select>
  );
}
