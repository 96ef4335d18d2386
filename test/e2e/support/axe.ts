import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe's WCAG 2.x A/AA and best-practice rules on the page as it is, each violation named with
 * where it was found, its rule, the element and what to fix: an empty list is a pass.
 */
export async function axeViolations(page: Page, where = 'page'): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${where}: ${v.id} (${v.impact ?? 'n/a'}) ${n.target.join(' ')}: ${n.failureSummary ?? v.help}`,
    ),
  );
}
