import type { CaseVerification } from '../../../shared/domain/audit';
import type { EvidenceVerification } from '../../../shared/domain/evidence';
import { JSON_OPTION, type Command } from '../command';
import { CliJob } from '../progress';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check SQLite integrity, the audit chain and every evidence item',
  help: `Usage: breachdesk verify FILE [--json]

Runs SQLite's full integrity check, recomputes every audit entry's hash from the first, and
re-reads every stored evidence chunk to recompute each item's SHA-256 (the result is recorded
in each item's chain of custody). Exit code 0 when all hold, 2 when any fails (the report
names the first bad audit entry and every damaged evidence item).

Example:
  breachdesk verify incident-2020-11.bdcase`,
  options: { ...JSON_OPTION },
  positionals: 1,
  run: ({ positionals, values }) => {
    const job = new CliJob();
    return withCase(
      positionals[0] ?? '',
      async (host) => {
        const report = await host.call('case.verify', {});
        const evidence = await job.run(host, (jobId) => host.call('evidence.verify', { jobId }));
        const ok = report.ok && evidence.ok;
        if (values.json === true) printJson({ ...report, ok, evidence });
        else process.stdout.write(describe(report, evidence, ok));
        return ok ? EXIT.ok : EXIT.invalid;
      },
      job.events,
    );
  },
};

function describeEvidence(evidence: EvidenceVerification): string {
  if (evidence.ok) return `Evidence: ok (${evidence.items} items, ${evidence.bytes} bytes re-read)`;
  return `Evidence: FAILED\n${evidence.failed.map((f) => `  ${f.name} (${f.id}): ${f.problem}`).join('\n')}`;
}

function describe(report: CaseVerification, evidence: EvidenceVerification, ok: boolean): string {
  const lines = [
    report.integrity.ok
      ? 'SQLite integrity: ok'
      : `SQLite integrity: FAILED\n${report.integrity.messages.map((m) => `  ${m}`).join('\n')}`,
    report.audit.ok
      ? `Audit chain: ok (${report.audit.entries} entries, head ${report.audit.headHash})`
      : `Audit chain: FAILED at entry ${report.audit.firstBadSeq ?? '?'}: ${report.audit.problem ?? ''}`,
    describeEvidence(evidence),
    ok ? 'Verified.' : 'Verification failed.',
  ];
  return `${lines.join('\n')}\n`;
}
