import { expect, test } from './fixtures';

test('Today says what to do: the day’s study, then the session left open, and an interview date plans the new cards', async ({
	page
}) => {
	await page.clock.setFixedTime(new Date(2026, 10, 23, 9, 0));
	await page.goto('/');
	const today = page.getByRole('region', { name: 'Today' });
	await expect(today).toContainText('20 new');
	await expect(today).toContainText('20 of 20 new left today');

	// One tap starts the day's study.
	await today.getByRole('link', { name: "Study today's 20 cards" }).click();
	await expect(page.getByRole('region', { name: 'Study session' })).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Again/ }).click();
	await expect(page.getByText('1 done')).toBeVisible();

	// Back home: the session is waiting, the Study tab shows what is due.
	await page.getByRole('link', { name: 'CTO Prep' }).click();
	await expect(today.getByRole('link', { name: 'Continue studying' })).toBeVisible();
	await expect(page.getByTestId('due-badge')).toHaveText('1 due');
	await expect(today).toContainText('Streak: 1 day');
	await expect(today).toContainText('has never been backed up');

	// An interview in twelve days: the plan sets the day's new cards (every card seen in ten days).
	const unseen = await page.evaluate(async () => {
		const index = (await (await fetch('/decks/index.json')).json()) as {
			decks: { url: string }[];
		};
		let cards = 0;
		for (const { url } of index.decks) {
			const deck = (await (await fetch(url)).json()) as { items: { kind: string }[] };
			cards += deck.items.filter((item) =>
				['basic', 'reverse', 'cloze'].includes(item.kind)
			).length;
		}
		return cards;
	});
	await today.getByRole('button', { name: 'Set the date' }).click();
	await expect(today.getByLabel('Date of my interview')).toBeFocused();
	await today.getByLabel('Date of my interview').fill('2026-12-05');
	await today.getByRole('button', { name: 'Save date' }).click();
	// The card answered today counts as unseen at the start of the day.
	const perDay = Math.ceil(unseen / 10);
	await expect(today.getByTestId('plan')).toContainText(`12 days to your interview`);
	await expect(today.getByTestId('plan')).toContainText(`${perDay} new cards a day`);
	await expect(today.getByRole('button', { name: 'Change the date' })).toBeVisible();
	await expect(today).toContainText(`${perDay - 1} of ${perDay} new left today`);

	// Settings says the plan decides; the study page follows it; turned off, the setting decides.
	const nav = page.getByRole('navigation', { name: 'Main' });
	await nav.getByRole('link', { name: /Settings/ }).click();
	await expect(page.getByText('Until your interview on 2026-12-05')).toBeVisible();
	await nav.getByRole('link', { name: /Study/ }).click();
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByRole('button', { name: 'Back to decks' }).click();
	await expect(page.getByRole('region', { name: 'Today' })).toContainText(
		`${perDay - 1} of ${perDay} new left today`
	);
	await page.getByRole('link', { name: 'CTO Prep' }).click();
	await today.getByLabel(/Use this plan/).uncheck();
	await expect(today).toContainText('19 of 20 new left today');
});
