import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { caseDocumentSchema } from '../../shared/domain/case-document';

it('the case document example in the README is a valid case document', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /\*\*Case document\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const parsed = caseDocumentSchema.safeParse(JSON.parse(block ?? ''));
  expect(parsed.error?.issues ?? []).toEqual([]);
});
