import type { AnswerSheet } from '../../../shared/forms/answer-sheet';
import { CliFailure } from '../cli-host';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

export const obligationsAnswerSheetCommand: Command = {
  name: 'obligations answer-sheet',
  summary: "A notice's regulator form, pre-filled from the case (answer sheet)",
  help: `Usage: breachdesk obligations answer-sheet FILE RULE_ID [--stage STAGE_ID] [--pdf PATH.pdf [--force]] [--json]

Prints the regulator's form for the notice RULE_ID (as \`breachdesk obligations FILE --json\`
names it), or for one stage of a staged report with --stage (NIS2 early warning, DORA initial
notification…), as an answer sheet: each field with its label as the form prints it, the answer
from the case and where it came from ("Facts › Summary", "People & data: 1,240 people counted
under this rule"), or "missing" when the case holds nothing for it. Answers come only from the
facts, counts, data-element labels and the organisation's own details; a value holding a name,
e-mail, phone or account id of someone in the roster is withheld and said so. With --pdf the
sheet is written as a PDF instead (checked against the roster first; an existing file is
replaced only with --force). With --json: the sheet, or with --pdf {path, missingCount}.
Decision support, not legal advice.

Example:
  breachdesk obligations answer-sheet sonora-demo.bdcase us-ca-ag-sample-until-2025
  breachdesk obligations answer-sheet sonora-demo.bdcase us-ca-ag-sample-until-2025 --pdf ca-ag.pdf`,
  options: {
    ...JSON_OPTION,
    stage: { type: 'string' },
    pdf: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: 2,
  run: ({ positionals, values }) => {
    const [file = '', ruleId = ''] = positionals;
    const stageId = typeof values.stage === 'string' && values.stage !== '' ? values.stage : null;
    const pdf = typeof values.pdf === 'string' ? values.pdf : null;
    if (pdf !== null && !/\.pdf$/i.test(pdf)) {
      throw new CliFailure('--pdf takes the path of the .pdf file to write.', EXIT.usage);
    }
    if (values.force === true && pdf === null) throw new CliFailure('--force goes with --pdf.', EXIT.usage);
    return withCase(file, async (host) => {
      if (pdf !== null) {
        const written = await host.call('forms.saveAnswerSheet', {
          ruleId,
          stageId,
          path: pdf,
          overwrite: values.force === true,
        });
        if (values.json === true) printJson(written);
        else
          process.stdout.write(
            `Wrote the answer sheet (PDF) to ${written.path}: ${written.missingCount} field(s) missing.\n`,
          );
        return EXIT.ok;
      }
      const sheet = await host.call('forms.answerSheet', { ruleId, stageId });
      if (values.json === true) printJson(sheet);
      else process.stdout.write(sheetText(sheet));
      return EXIT.ok;
    });
  },
};

/** The sheet for a terminal: every field, its answer or "missing", and where the answer came from. */
function sheetText(sheet: AnswerSheet): string {
  const lines = [
    sheet.title,
    `Regulator: ${sheet.regulator}`,
    `Notice: ${sheet.ruleTitle}${sheet.stageTitle === null ? '' : ` · ${sheet.stageTitle}`} → ${sheet.recipient}`,
    `${sheet.fields.length - sheet.missingCount} of ${sheet.fields.length} fields answered, ${sheet.missingCount} missing (prepared ${sheet.preparedOn}).`,
    ...(sheet.note === '' ? [] : [sheet.note]),
  ];
  let section = '';
  for (const field of sheet.fields) {
    if (field.section !== section && field.section !== '') lines.push('', `[${field.section}]`);
    section = field.section;
    lines.push('', field.label);
    if (field.missing) lines.push(`  missing · ${field.source}`);
    else lines.push(...field.value.split('\n').map((line) => `  ${line}`), `  (${field.source})`);
    if (field.help !== '') lines.push(`  Help: ${field.help}`);
  }
  lines.push('', `Fields from: ${sheet.citation}`, ...sheet.references.map((r) => `  [${r.key}] ${r.url}`));
  return `${lines.join('\n')}\n`;
}
