import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { secondsLeft } from './helpers';

// Chromium's fake microphone (a beep) is granted without asking: see the phone project's flags.
test.use({ permissions: ['microphone'] });

async function practise(page: Page): Promise<Locator> {
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Practise the next question' }).click();
	const practice = page.getByRole('region', { name: 'Interview practice', exact: true });
	await expect(practice.getByRole('timer')).toContainText(/\d:\d\d left/);
	return practice;
}

const STORY = {
	Situation: 'Two teams ran the same payments service.',
	Task: 'Make it one team and one service.',
	Action: '<b>x</b> merged the teams\nthen wrote the plan',
	Result: 'Half the on-call pages.',
	Notes: 'Say the numbers first.'
};

test('your own STAR answer is kept, shown as text after the reveal, and a spoken answer plays back', async ({
	page
}) => {
	let practice = await practise(page);
	const question = (await practice.getByRole('heading', { level: 2 }).textContent())?.trim() ?? '';
	expect(question).toMatch(/\?$/);
	await practice.getByText('Write your own answer (STAR)').click();
	for (const [field, text] of Object.entries(STORY)) {
		await practice.getByLabel(field, { exact: true }).fill(text);
	}
	await expect(practice.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

	// A reload resumes the question, with the answer as it was typed.
	await page.reload();
	practice = page.getByRole('region', { name: 'Interview practice', exact: true });
	await practice.getByText('Your own answer (STAR)').click();
	for (const [field, text] of Object.entries(STORY)) {
		await expect(practice.getByLabel(field, { exact: true })).toHaveValue(text);
	}

	// Record for two seconds of the question's clock, then stop, by keyboard: the button turns
	// from Record to Stop and back, and focus stays on it.
	await practice.getByRole('button', { name: 'Record my answer' }).focus();
	await page.keyboard.press('Space');
	await expect(practice.getByRole('status').filter({ hasText: 'Recording.' })).toBeVisible();
	await expect(practice.getByRole('button', { name: 'Stop recording' })).toBeFocused();
	const started = await secondsLeft(practice);
	await expect.poll(() => secondsLeft(practice)).toBeLessThanOrEqual(started - 2);
	await page.keyboard.press('Space');
	await expect(
		practice.getByRole('status').filter({ hasText: 'Recorded. Listen to it after' })
	).toBeVisible();
	await expect(practice.getByRole('button', { name: 'Record again' })).toBeFocused();

	await practice.getByRole('button', { name: 'Reveal key points' }).click();
	const written = practice.getByRole('region', { name: 'Your own answer' });
	await expect(written).toContainText('<b>x</b> merged the teams');
	await expect(written.locator('dd').filter({ hasText: '<b>x</b>' })).toHaveCSS(
		'white-space',
		'pre-wrap'
	);
	await expect(written.locator('b')).toHaveCount(0);
	const player = practice.getByLabel('Your recorded answer');
	await expect(player).toBeVisible();
	expect(await player.getAttribute('src')).toMatch(/^blob:/);
	// The recording is real sound the browser can read: it has a length.
	await expect
		.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.readyState))
		.toBeGreaterThanOrEqual(1);

	await page.goto('/settings/');
	const recordings = page.getByRole('region', { name: 'Recorded answers' });
	await expect(recordings).toContainText(/1 recording, \d+(\.\d)? (bytes|KB)/);
	// Listed by the question it answers, with a Delete of its own.
	await expect(recordings.getByRole('listitem')).toContainText(question);
	await recordings.getByRole('button', { name: `Delete the recording of “${question}”` }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete this recording?' });
	await expect(dialog).toContainText(`your recorded answer to “${question}”`);
	await dialog.getByRole('button', { name: 'Delete recording' }).click();
	await expect(recordings).toContainText('No recordings on this device.');
	await expect(recordings.getByRole('status')).toContainText('The recording was deleted.');
	// The row and its button are gone: focus is on the section, not thrown to the page's top.
	await expect(recordings.getByRole('heading', { name: 'Recorded answers' })).toBeFocused();
});

test('a take under way when the app is switched away is stopped and kept', async ({ page }) => {
	const practice = await practise(page);
	await practice.getByRole('button', { name: 'Record my answer' }).click();
	await expect(practice.getByRole('status').filter({ hasText: 'Recording.' })).toBeVisible();
	// The phone switches to another app: the page is hidden.
	await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expect(
		practice.getByRole('status').filter({ hasText: 'Recorded. Listen to it after' })
	).toBeVisible();
	await expect(practice.getByRole('button', { name: 'Record again' })).toBeVisible();
});

test('a refused microphone is said plainly, and typing still works', async ({ page }) => {
	await page.addInitScript(() => {
		navigator.mediaDevices.getUserMedia = () =>
			Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
	});
	const practice = await practise(page);
	await practice.getByRole('button', { name: 'Record my answer' }).click();
	await expect(practice.getByRole('alert')).toContainText(
		'The microphone is not allowed for this app, so nothing was recorded.'
	);
	await practice.getByLabel(/Your answer/).fill('I would start with the people.');
	await practice.getByRole('button', { name: 'Reveal key points' }).click();
	await expect(practice.locator('.notes')).toHaveText('I would start with the people.');
	await expect(practice.getByLabel('Your recorded answer')).toHaveCount(0);
});
