import type { Page } from '@playwright/test';
import { axeInBothThemes, axeWithoutColours } from './axe';
import { expect } from './fixtures';

// The checks every state of every page passes (accessibility.spec.ts sweeps the pages; a spec of
// a feature checks the states only it reaches the same way).

/**
 * Runs axe-core on the page as it is now, from the top of the page: in both themes on a phone, and
 * on a wide screen without the colour rules (colours do not change with the width; the phone
 * checked them).
 */
export async function audit(page: Page, state: string): Promise<void> {
	// Start from the top, so the sticky header does not half-cover what is being checked.
	await page.evaluate(() => window.scrollTo(0, 0));
	const wide = (page.viewportSize()?.width ?? 0) > 600;
	const violations = wide ? await axeWithoutColours(page) : await axeInBothThemes(page);
	expect(violations, `axe on ${state}`).toEqual([]);
}

/**
 * Every control a finger may aim at is at least 44 by 44 CSS pixels. Links inside running text are
 * exempt (WCAG 2.5.8's inline exception); a checkbox or radio counts with its label.
 */
export async function checkTargets(page: Page, state: string): Promise<void> {
	const small = await page.evaluate(() => {
		const found: string[] = [];
		for (const element of document.querySelectorAll<HTMLElement>(
			'button, a[href], input, select, textarea, summary, [role="button"]'
		)) {
			const style = getComputedStyle(element);
			if (style.visibility === 'hidden' || element.closest('[hidden], .visually-hidden')) continue;
			let box = element.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue;
			if (
				element instanceof HTMLAnchorElement &&
				element.closest('p, li, td, th, dd, figcaption')
			) {
				const block = element.closest('p, li, td, th, dd, figcaption') as HTMLElement;
				// A link that is the whole item (a list of links) is a target; one inside prose is inline.
				if (block.textContent?.trim() !== element.textContent?.trim()) continue;
			}
			if (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)) {
				const label = element.closest('label');
				if (label) box = label.getBoundingClientRect();
			}
			if (element.classList.contains('skip-link')) continue;
			if (box.height < 43.5 || box.width < 43.5) {
				found.push(
					`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`
				);
			}
		}
		return found;
	});
	expect(small, `touch targets on ${state}`).toEqual([]);
}

/**
 * Nothing sticks out sideways: the page never needs horizontal scrolling. (A phone browser widens
 * its layout to fit what overflows, so the width is compared with the real viewport, and so is
 * every element's right edge.)
 */
export async function checkNoOverflow(page: Page, state: string): Promise<void> {
	const width = page.viewportSize()?.width ?? 0;
	const overflowing = await page.evaluate((viewport) => {
		const found: string[] = [];
		if (document.documentElement.scrollWidth > viewport + 1) {
			found.push(`page ${document.documentElement.scrollWidth}px wide`);
		}
		for (const element of document.querySelectorAll<HTMLElement>('body *')) {
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.right <= viewport + 1) continue;
			// Content that scrolls inside its own box (a wide table) is fine.
			if (element.closest('.table-scroll')) continue;
			found.push(
				`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}px`
			);
		}
		return found.slice(0, 5);
	}, width);
	expect(overflowing, `horizontal overflow on ${state}`).toEqual([]);
}

/**
 * Text at 200% (the way browser text zoom does it: the page's own CSS keeps working) wraps instead
 * of clipping or scrolling sideways. The text size is put back afterwards.
 */
export async function checkZoomedText(page: Page, state: string): Promise<void> {
	await page.evaluate(() => {
		document.documentElement.style.fontSize = '200%';
	});
	await checkNoOverflow(page, `${state} at 200%`);
	await page.evaluate(() => {
		document.documentElement.style.fontSize = '';
	});
}

/** Every check of a page or state: axe in both themes, touch targets, and no overflow at 100% and 200%. */
export async function checkAll(page: Page, state: string): Promise<void> {
	await audit(page, state);
	await checkTargets(page, state);
	await checkNoOverflow(page, state);
	await checkZoomedText(page, state);
}
