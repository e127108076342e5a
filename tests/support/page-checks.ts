// What browser tests check on any screen of the running app: axe-core violations, touch targets
// smaller than 44 × 44 px, bottom-navigation labels that wrap, where things sit on screen, and
// how much the layout shifted.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';

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

/** The layout shifts of a page since it loaded (watchLayoutShifts). */
export interface LayoutShifts {
  /** What CLS counts: the shifts not within 500 ms of the person's input. */
  cls: number;
  /** Every shift, those right after input too (a screen swapped while someone types must not move either). */
  all: number;
  /** What moved in the shifts CLS counts: element, class and the shift it took part in. */
  shifted: string[];
}

/** Sums the layout shifts of every page loaded from now on in `target`, from its first paint. */
export async function watchLayoutShifts(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(() => {
    const shifts = { cls: 0, all: 0, shifted: [] as string[] };
    (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Element }[] }[]) {
        shifts.all += entry.value;
        if (entry.hadRecentInput) continue;
        shifts.cls += entry.value;
        for (const { node } of entry.sources) {
          shifts.shifted.push(node ? `${node.nodeName.toLowerCase()}.${String(node.className ?? '')} ${entry.value.toFixed(3)}` : `? ${entry.value.toFixed(3)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts of the page since it loaded; watchLayoutShifts must have been called first. */
export function layoutShifts(page: Page): Promise<LayoutShifts> {
  return page.evaluate(() => (window as unknown as { layoutShifts: LayoutShifts }).layoutShifts);
}
