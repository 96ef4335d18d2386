import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage line and details, shown by `breachdesk COMMAND --help`. */
  help: string;
  options: OptionSpec;
  /** Exact number of positionals, or [min, max]. */
  positionals: number | [number, number];
  run(args: ParsedCommand): Promise<number>;
}

export const JSON_OPTION: OptionSpec = { json: { type: 'boolean' } };
