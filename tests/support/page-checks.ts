// What browser tests check on any screen of the running app: axe-core violations, touch targets
// smaller than 44 × 44 px, bottom-navigation labels that wrap, and where things sit on screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// Injected through the DevTools protocol, which the app's Content-Security-Policy does not block
// (an inline <script> would be, rightly).
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the whole page, as "rule: targets" lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** Every rendered link and button smaller than 44 × 44 CSS px, as "name width×height" lines. */
export async function undersizedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('a[href], button')) {
      const box = element.getBoundingClientRect();
      // Not rendered (display: none, or a visually hidden live region's content).
      if (box.width <= 1 && box.height <= 1) continue;
      if (box.width < 44 || box.height < 44) {
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
        found.push(`${name} ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  });
}

/** Labels of the bottom navigation that take more than one line or overflow their tab. */
export async function wrappedNavLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.bottom-nav__link')]
    .filter((link) => {
      const label = link.querySelector<HTMLElement>('.bottom-nav__label');
      return !label || label.getClientRects().length !== 1 || link.scrollWidth > link.clientWidth;
    })
    .map((link) => link.textContent ?? ''));
}

/** The y of the bottom navigation's top edge: what sits below it is hidden under it. */
export async function navTop(page: Page): Promise<number> {
  const box = await page.getByRole('navigation', { name: 'Điều hướng chính' }).boundingBox();
  if (!box) throw new Error('no bottom navigation');
  return box.y;
}

/** True when the element is wholly within the viewport, above `bottom`. */
export async function isOnScreen(locator: Locator, bottom: number): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= bottom;
}
