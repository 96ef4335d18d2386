import { answerSheet, saveAnswerSheetPdf } from '../../services/forms/answer-sheet-service';
import type { HandlerMap } from './handler';
import { today } from './today';

export const formsHandlers = {
  'forms.answerSheet': (i, d) => answerSheet(d.session.require(), i.ruleId, i.stageId, today(d)),
  'forms.saveAnswerSheet': (i, d) =>
    saveAnswerSheetPdf(d.session.require(), i.ruleId, i.stageId, today(d), {
      path: i.path,
      overwrite: i.overwrite,
      now: d.ctx.now(),
    }),
} satisfies HandlerMap<'forms.answerSheet' | 'forms.saveAnswerSheet'>;
