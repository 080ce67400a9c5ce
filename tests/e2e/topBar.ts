/**
 * The meeting's top bar on a phone, measured: one row (every control on one middle line, the bar not two
 * controls high, nothing beyond the screen's width), and where the first editor starts.
 */
import { expect, type Page } from '@playwright/test';

/** A 360×740 phone. */
export const PHONE_360 = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** What `measureTopBar` reads, in CSS pixels. */
export interface TopBarMeasure {
  editorTop: number;
  barHeight: number;
  barRight: number;
  middles: number[];
  tallest: number;
  rightmost: number;
  pageWidth: number;
  /** Whether the save status's words are cut short (they must not be, when they say "Saved"). */
  statusCut: boolean;
}

/** Where the first editor starts and how the top bar's controls lie. */
export function measureTopBar(page: Page): Promise<TopBarMeasure> {
  return page.evaluate(() => {
    const first = document.querySelector('.ProseMirror');
    const bar = document.querySelector('.topbar');
    if (!first || !bar) throw new Error('no editor or no top bar');
    const controls = [...bar.querySelectorAll<HTMLElement>('.topbar__status > *')]
      .filter((each) => each.offsetWidth > 0)
      .map((each) => each.getBoundingClientRect());
    return {
      editorTop: first.getBoundingClientRect().top,
      barHeight: bar.getBoundingClientRect().height,
      barRight: bar.getBoundingClientRect().right,
      middles: controls.map((each) => Math.round(each.top + each.height / 2)),
      tallest: Math.max(...controls.map((each) => each.height)),
      rightmost: Math.max(...controls.map((each) => each.right)),
      pageWidth: document.documentElement.scrollWidth,
      statusCut: [...bar.querySelectorAll<HTMLElement>('.save-status > span:not(.save-status__icon)')].some(
        (words) => words.scrollWidth > words.clientWidth,
      ),
    };
  });
}

/** The bar is one row and within the screen's width. */
export function expectOneRow(seen: TopBarMeasure, language: string): void {
  // One row: every control of the bar shares one middle line, and the bar is not two controls high.
  const spread = Math.max(...seen.middles) - Math.min(...seen.middles);
  expect(spread, `${language}: the bar's controls on one row (${seen.middles})`).toBeLessThanOrEqual(1);
  expect(seen.barHeight, `${language}: the bar's height`).toBeLessThan(seen.tallest * 1.5);
  // Nothing sticks out of the phone's width.
  expect(seen.rightmost, `${language}: the bar's right end`).toBeLessThanOrEqual(seen.barRight);
  expect(seen.pageWidth, `${language}: the page's width`).toBeLessThanOrEqual(360);
  expect(seen.statusCut, `${language}: the save status's words cut short`).toBe(false);
}
