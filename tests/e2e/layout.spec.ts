import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerQuestion } from './helpers';

test.use({ viewport: { width: 375, height: 812 }, serviceWorkers: 'block' });

/**
 * Words of the page's table cells that the browser broke across lines: a word whose rendered line
 * boxes are more than one (read from the layout, not a screenshot). A word wider than its whole cell
 * can only break, and is not counted.
 */
function brokenWords(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		const context = document.createElement('canvas').getContext('2d')!;
		for (const cell of document.querySelectorAll<HTMLElement>('th, td')) {
			const style = getComputedStyle(cell);
			context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			const room =
				cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				// A break after a hyphen is no broken word (Ben-Itzhak).
				for (const match of text.matchAll(/[^\s\-‐–—]+/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
					if (lines.size > 1 && context.measureText(match[0]).width <= room) broken.push(match[0]);
				}
			}
		}
		return broken;
	});
}

async function atBothSizes(page: Page, check: () => Promise<void>) {
	await check();
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	await check();
	await page.evaluate(() => (document.documentElement.style.fontSize = ''));
}

test('tables in the notes and in the quiz summary never break a word; the interview summary never widens the page, at 375 px and at 200% text', async ({
	page
}) => {
	await page.goto('/notes/famous-ctos/');
	await expect(page.getByRole('table').first()).toBeVisible();
	await atBothSizes(page, async () => expect(await brokenWords(page)).toEqual([]));

	await page.goto('/quiz/');
	await page.getByRole('button', { name: 'Start quiz' }).click();
	const quiz = page.getByRole('region', { name: 'Quiz', exact: true });
	await expect(quiz).toContainText('Question 1 of 10');
	await answerQuestion(page);
	await expect(quiz.getByRole('button', { name: 'Next' })).toBeVisible();
	await quiz.getByRole('button', { name: 'End quiz' }).click();
	await expect(page.getByRole('table', { name: 'By topic' })).toBeVisible();
	await atBothSizes(page, async () => expect(await brokenWords(page)).toEqual([]));

	// The mock interview's summary never widens the page. (Its question column may break a long
	// word at 200% text: sized to whole words, the figures beside it would push the page sideways.)
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Start a mock interview' }).click();
	const interview = page.getByRole('region', { name: 'Mock interview', exact: true });
	await interview.getByRole('button', { name: 'Reveal key points' }).click();
	await interview.getByRole('button', { name: 'Save score' }).click();
	await interview.getByRole('button', { name: 'End interview' }).click();
	await page
		.getByRole('dialog', { name: 'End interview?' })
		.getByRole('button', { name: 'End interview' })
		.click();
	await expect(page.getByRole('table', { name: 'Your answers' })).toBeVisible();
	await atBothSizes(page, async () => {
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			375
		);
	});
});

test('at 200% text and in landscape the header and tab bar take at most a fifth of the height', async ({
	page
}) => {
	const chrome = () =>
		page.evaluate(() => {
			const height = window.innerHeight;
			let fixed = 0;
			for (const element of document.querySelectorAll<HTMLElement>(
				'.app-header, nav[aria-label="Main"]'
			)) {
				const style = getComputedStyle(element);
				if (style.position === 'fixed' || style.position === 'sticky') {
					fixed += element.getBoundingClientRect().height;
				}
			}
			return fixed / height;
		});
	await page.goto('/study/');
	await page.getByRole('button', { name: 'Study all decks' }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await chrome()).toBeLessThanOrEqual(0.2);
	await page.evaluate(() => (document.documentElement.style.fontSize = ''));
	await page.setViewportSize({ width: 812, height: 375 });
	expect(await chrome()).toBeLessThanOrEqual(0.2);
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	expect(await chrome()).toBeLessThanOrEqual(0.2);
});

test('at 200% text the header’s names stay whole, and on a narrow phone never push the page sideways', async ({
	page
}) => {
	for (const width of [375, 320]) {
		await page.setViewportSize({ width, height: 700 });
		await page.goto('/notes/');
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		const lines = await page.evaluate(() =>
			[...document.querySelectorAll('.app-header a')].map((link) => {
				const range = document.createRange();
				range.selectNodeContents(link);
				return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
			})
		);
		// "CTO Prep" may take two lines at a space; "Notes" is one word on one line.
		expect(lines[1], `at ${width} px`).toBe(1);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
	}
});
