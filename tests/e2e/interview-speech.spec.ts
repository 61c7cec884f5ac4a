import type { Locator, Page } from '@playwright/test';
import { axeInBothThemes } from './axe';
import { expect, test } from './fixtures';

// Chromium's fake microphone (a beep) is granted without asking: see the phone project's flags.
// The beep has no words in it, and no test machine has an on-device speech model, so the browser's
// SpeechRecognition is replaced by a stub before the app loads.
test.use({ permissions: ['microphone'] });

/** What the stub hears: a content point the typed answer leaves out, two fillers and a third. */
const SPOKEN =
	'Um, a CTO is a strategic thinker, you know, as well as a technologist. Um, I tied one decision to revenue.';

/**
 * Installs a stub SpeechRecognition that records what the app asks of it in `window.speechCalls`.
 * `onDevice` false: a recogniser as older browsers have it, with no `processLocally` and no
 * `available()`, which could send audio to a server.
 */
async function stubRecogniser(page: Page, onDevice: boolean): Promise<void> {
	await page.addInitScript(
		({ spoken, onDevice }) => {
			const calls = { started: 0, local: [] as unknown[], asked: [] as unknown[] };
			Object.assign(window, { speechCalls: calls });
			class Recogniser {
				lang = '';
				continuous = false;
				interimResults = true;
				onresult: ((event: unknown) => void) | null = null;
				onerror: ((event: unknown) => void) | null = null;
				onend: (() => void) | null = null;

				start() {
					calls.started += 1;
					calls.local.push((this as { processLocally?: boolean }).processLocally);
				}

				stop() {
					const result = Object.assign([{ transcript: spoken, confidence: 0.9 }], {
						isFinal: true
					});
					// The final result and the end come as events after stop(), as a browser's do.
					queueMicrotask(() => {
						this.onresult?.({ resultIndex: 0, results: [result] });
						this.onend?.();
					});
				}

				abort() {
					this.onend?.();
				}
			}
			if (onDevice) {
				Object.defineProperty(Recogniser.prototype, 'processLocally', {
					value: false,
					writable: true
				});
				Object.assign(Recogniser, {
					available: async (options: unknown) => {
						calls.asked.push(options);
						return 'available';
					},
					install: async () => true
				});
			}
			Object.assign(window, { SpeechRecognition: Recogniser, webkitSpeechRecognition: Recogniser });
		},
		{ spoken: SPOKEN, onDevice }
	);
}

async function speechCalls(page: Page) {
	return page.evaluate(
		() =>
			(
				window as unknown as {
					speechCalls: { started: number; local: unknown[]; asked: unknown[] };
				}
			).speechCalls
	);
}

async function practise(page: Page): Promise<Locator> {
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Practise the next question' }).click();
	const practice = page.getByRole('region', { name: 'Interview practice', exact: true });
	await expect(practice.getByRole('heading', { level: 2 })).toContainText(
		'In your own words, what does a CTO do?'
	);
	return practice;
}

test('a spoken answer transcribed on the device pre-ticks what it covers and shows how it was delivered', async ({
	page
}) => {
	await stubRecogniser(page, true);
	const practice = await practise(page);
	await practice
		.getByLabel(/Your answer/)
		.fill('Every technology initiative has to serve a business objective.');
	await practice.getByRole('button', { name: 'Record my answer' }).click();
	const recording = practice.getByRole('status').filter({ hasText: 'Recording.' });
	await expect(recording).toBeVisible();
	const region = await recording.elementHandle();
	// The reveal stops the recording.
	await practice.getByRole('button', { name: 'Reveal key points' }).click();
	// The same status region says so once it is kept, and what was heard in it (ticked late).
	await expect(
		practice
			.getByRole('status')
			.filter({ hasText: 'Your recording is kept. 1 key point heard in it is marked' })
	).toBeVisible();
	expect(await region?.evaluate((element) => element.isConnected)).toBe(true);

	await expect(practice.getByRole('heading', { name: 'What you said' })).toBeVisible();
	await expect(practice.getByText(SPOKEN)).toBeVisible();
	const calls = await speechCalls(page);
	expect(calls.asked).toEqual([{ langs: ['en-US'], processLocally: true }]);
	expect(calls.local).toEqual([true]);

	// The typed answer's point and the spoken one's are ticked, each marked; the rest are not,
	// and the evidence point never is.
	const points = practice.getByRole('checkbox');
	await expect(points.nth(1)).toBeChecked();
	await expect(points.nth(1)).toHaveAccessibleName(/found in your answer/);
	await expect(points.nth(3)).toBeChecked();
	await expect(points.nth(3)).toHaveAccessibleName(/heard in your recording/);
	for (const other of [0, 2, 4]) await expect(points.nth(other)).not.toBeChecked();
	await expect(points.nth(4)).toHaveAccessibleName(/^Your experience/);
	await expect(practice).toContainText(/2 of 5 covered/);

	const delivery = practice.getByRole('heading', { name: 'How you said it' });
	await expect(delivery).toBeVisible();
	const figures = practice.locator('dl');
	// Revealed a moment after Record: too short to tell a pace from.
	await expect(figures).toContainText(/Words per minute\s*Too short to tell\s*\(21 words;/);
	await expect(figures).toContainText(/Filler words\s*3: “um” 2×, “you know” 1×/);
	await expect(figures).toContainText(/Length against the timer\s*0:\d\d of 2:00/);
	await expect(practice.getByLabel('Your recorded answer')).toBeVisible();
	expect(await axeInBothThemes(page, 'main')).toEqual([]);

	// The candidate confirms or changes the ticks before the score is saved.
	await points.nth(3).uncheck();
	await practice.getByRole('button', { name: 'Save score' }).click();
	await expect(practice.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	await expect(practice).toContainText(/1 of 5 covered/);
});

test('where the browser cannot transcribe on the device, it says so and recording still works', async ({
	page
}) => {
	await stubRecogniser(page, false);
	const practice = await practise(page);
	await practice.getByRole('button', { name: 'Record my answer' }).click();
	await expect(practice.getByRole('status').filter({ hasText: 'Recording.' })).toBeVisible();
	// Said in the status region, so that a screen reader says it too.
	await expect(
		practice.getByRole('status').filter({
			hasText:
				'Transcription on this device is not available in this browser, so your spoken answer is not written out. Recording and typing still work.'
		})
	).toBeVisible();
	await practice.getByRole('button', { name: 'Stop recording' }).click();
	await expect(
		practice.getByRole('status').filter({ hasText: 'Recorded. Listen to it after' })
	).toBeVisible();
	// A recogniser that could send audio to a server is never started.
	expect((await speechCalls(page)).started).toBe(0);

	await practice.getByRole('button', { name: 'Reveal key points' }).click();
	await expect(practice.getByLabel('Your recorded answer')).toBeVisible();
	await expect(practice.getByRole('heading', { name: 'What you said' })).toHaveCount(0);
	await expect(practice.getByRole('heading', { name: 'How you said it' })).toHaveCount(0);
	await expect(practice.getByRole('alert')).toHaveCount(0);
});

test('a mock interview’s follow-up is recorded too, and the summary replays it', async ({
	page
}) => {
	await stubRecogniser(page, true);
	await page.goto('/interview/');
	await page.getByRole('button', { name: 'Start a mock interview' }).click();
	const interview = page.getByRole('region', { name: 'Mock interview', exact: true });
	let followUp = '';
	for (let i = 1; i <= 5 && !followUp; i++) {
		await expect(interview).toContainText(`Question ${i} of 5`);
		await interview.getByRole('button', { name: 'Reveal key points' }).click();
		await interview.getByRole('button', { name: 'Save score' }).click();
		await interview
			.getByRole('button', { name: i < 5 ? 'Next question' : 'See the summary' })
			.click();
		const asked = interview.getByText(`Follow-up to question ${i} of 5`);
		const after =
			i < 5
				? interview.getByText(`Question ${i + 1} of 5`, { exact: true })
				: page.getByRole('heading', { name: 'Mock interview complete' });
		await expect(asked.or(after)).toBeVisible();
		if (await asked.isVisible()) {
			followUp = (await interview.getByRole('heading', { level: 2 }).textContent()) ?? '';
		}
	}
	// Every mock interview asks at least one follow-up.
	expect(followUp).toMatch(/\?$/);

	await interview.getByRole('button', { name: 'Record my answer' }).click();
	await expect(interview.getByRole('status').filter({ hasText: 'Recording.' })).toBeVisible();
	expect(await axeInBothThemes(page, 'main')).toEqual([]);
	await interview.getByRole('button', { name: 'Stop recording' }).click();
	await expect(
		interview.getByRole('status').filter({ hasText: 'Recorded. Listen to it in the summary.' })
	).toBeVisible();
	await interview.getByRole('button', { name: /^(Next question|See the summary)$/ }).click();
	const summary = page.getByRole('heading', { name: /^Mock interview (ended|complete)$/ });
	await expect(summary.or(interview.getByRole('heading', { level: 2 }))).toBeVisible();
	if (!(await summary.isVisible())) {
		await interview.getByRole('button', { name: 'End interview' }).click();
		// With questions left after this one, ending asks first; on the last it ends at once.
		const dialog = page.getByRole('dialog', { name: 'End interview?' });
		await expect(summary.or(dialog)).toBeVisible();
		if (await dialog.isVisible()) {
			await expect(dialog).toContainText(/not asked; the summary shows the ones you answered/);
			await dialog.getByRole('button', { name: 'End interview' }).click();
		}
	}
	await expect(summary).toBeVisible();
	const answers = page.getByRole('table', { name: 'Your answers' });
	await expect(answers.getByLabel(`Your recorded answer to: ${followUp}`)).toBeVisible();
	// What the follow-up's recording says, as the device wrote it out, and how it was said.
	const said = SPOKEN.replace(/[.?()]/g, '\\$&');
	await expect(answers.locator('p', { hasText: 'You said (' })).toHaveText(
		new RegExp(`^You said \\(21 words, 3 filler words, 0:\\d\\d of 1:00\\): ${said}$`)
	);
	// The question before it was not recorded: only the follow-up has a player.
	await expect(answers.getByLabel(/^Your recorded answer to: /)).toHaveCount(1);
});
