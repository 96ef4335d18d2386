import { ESLint } from 'eslint';

/**
 * Lints code as if it stood at `filePath` (which need not exist) with one rule only, and returns
 * that rule's messages: how the tests show a lint rule refusing what it must.
 */
export function lintWithRule(ruleId: string): (filePath: string, code: string) => Promise<string[]> {
  const eslint = new ESLint({
    cwd: process.cwd(),
    // The files do not exist, so they are linted without type information.
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: (rule) => rule.ruleId === ruleId,
  });
  return async (filePath, code) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
  };
}
