import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ serviceWorkers: 'block' });

const PAYLOADS = [
	'<img src=x onerror="window.pwned = true">',
	'<script>window.pwned = true</script>',
	'<svg onload="window.pwned = true"></svg>',
	'javascript:window.pwned = true',
	'"><iframe srcdoc="<script>parent.pwned = true</script>"></iframe>'
];

/** Fails if any payload ran: a flag set, or a dialog opened. */
async function expectNothingRan(page: Page): Promise<void> {
	expect(
		await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)
	).toBeUndefined();
}

test('text typed in an interview answer is shown as text, never run', async ({ page }) => {
	page.on('dialog', (dialog) => {
		throw new Error(`a dialog opened: ${dialog.message()}`);
	});
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Practise the next question' }).click();
	const practice = page.getByRole('region', { name: 'Interview practice', exact: true });
	await practice.getByLabel(/Your answer/).fill(PAYLOADS.join('\n'));
	await practice.getByRole('button', { name: 'Reveal key points' }).click();
	const shown = practice.locator('.notes');
	for (const payload of PAYLOADS) await expect(shown).toContainText(payload);
	await expect(practice.locator('img, script, svg, iframe')).toHaveCount(0);
	await practice.getByRole('button', { name: 'Save score' }).click();
	await expect(practice.getByRole('status')).toContainText('Saved.');
	await expectNothingRan(page);
});

test('a backup carrying markup or script is refused, and nothing runs', async ({ page }) => {
	await page.goto('/settings/');
	const file = {
		format: 'cto-prep-progress',
		version: 1,
		exportedAt: '2026-11-23T09:00:00.000Z',
		cards: [],
		reviews: [],
		quizAttempts: [],
		interviewAnswers: [
			{
				id: 1,
				item: 'cto-role/what-a-cto-is/q/interview',
				deck: 'cto-role',
				time: Date.UTC(2026, 10, 23),
				durationMs: 1000,
				covered: [],
				keyPoints: 3,
				score: 0,
				notes: PAYLOADS[0],
				mock: null
			}
		],
		settings: []
	};
	await page.getByLabel('Import progress').setInputFiles({
		name: 'hostile.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await expect(page.getByRole('alert').filter({ hasText: 'HTML or a script' })).toBeVisible();
	await expectNothingRan(page);
});

test('an address holding markup shows as text on the not-found page', async ({ page }) => {
	await page.goto(`/${encodeURIComponent(PAYLOADS[0] ?? '')}`);
	await expect(page.locator('main h1')).toHaveText('Page not found');
	await expect(page.locator('main code')).toContainText('onerror');
	await expect(page.locator('main img')).toHaveCount(0);
	await expectNothingRan(page);
});
