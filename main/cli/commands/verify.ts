import type { CaseVerification } from '../../../shared/domain/audit';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check SQLite integrity and recompute the audit chain',
  help: `Usage: breachdesk verify FILE [--json]

Runs SQLite's full integrity check and recomputes every audit entry's hash from the first.
Exit code 0 when both hold, 2 when either fails (the report names the first bad entry).

Example:
  breachdesk verify incident-2020-11.bdcase`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const report = await host.call('case.verify', {});
      if (values.json === true) printJson(report);
      else process.stdout.write(describe(report));
      return report.ok ? EXIT.ok : EXIT.invalid;
    }),
};

function describe(report: CaseVerification): string {
  const lines = [
    report.integrity.ok
      ? 'SQLite integrity: ok'
      : `SQLite integrity: FAILED\n${report.integrity.messages.map((m) => `  ${m}`).join('\n')}`,
    report.audit.ok
      ? `Audit chain: ok (${report.audit.entries} entries, head ${report.audit.headHash})`
      : `Audit chain: FAILED at entry ${report.audit.firstBadSeq ?? '?'}: ${report.audit.problem ?? ''}`,
    report.ok ? 'Verified.' : 'Verification failed.',
  ];
  return `${lines.join('\n')}\n`;
}
