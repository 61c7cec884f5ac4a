import { expect, test } from './fixtures';
import { waitForServiceWorker } from './helpers';

test('a learner can browse decks and topics and read the notes, offline too', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);

	await page.getByRole('link', { name: 'Notes', exact: true }).click();
	await expect(page.locator('main h1')).toHaveText('Notes');
	const deck = page.getByRole('link', { name: 'Famous CTOs' }).first();
	await deck.click();
	await expect(page).toHaveURL(/\/notes\/famous-ctos\/$/);
	await expect(page.locator('main h1')).toContainText('CTO');

	// The topic list jumps to a heading of the notes.
	const topics = page.getByRole('navigation', { name: 'Topics in this deck' });
	await topics.getByRole('link').first().click();
	await expect(page).toHaveURL(/#[a-z0-9-]+$/);

	// Tables, key phrases and interview questions are all readable.
	await expect(page.getByRole('table').first()).toContainText('Werner Vogels');
	await expect(page.getByRole('cell', { name: 'Amazon', exact: true })).toBeVisible();
	await expect(page.getByRole('note', { name: 'Interview question' }).first()).toBeVisible();
});

test('every deck is published as JSON with its items', async ({ request }) => {
	const index = await (await request.get('/decks/index.json')).json();
	expect(index.schema).toBe(1);
	expect(index.decks.length).toBeGreaterThanOrEqual(5);
	for (const summary of index.decks) {
		const deck = await (await request.get(summary.url)).json();
		expect(deck.hash).toBe(summary.hash);
		expect(deck.items.length).toBeGreaterThan(0);
		for (const item of deck.items) {
			expect(item).toHaveProperty('id');
			expect(item).toHaveProperty('kind');
			if (item.kind === 'mcq' || item.kind === 'truefalse') {
				expect(Array.isArray(item.choices)).toBe(true);
				expect(item.choices[item.answer]).toBeDefined();
			}
		}
	}
});

test('the notes show no authoring comments (the ask blocks of content/README.md) nor the phrases key points declare', async ({
	page
}) => {
	for (const deck of ['skills', 'cto-role', 'famous-ctos']) {
		await page.goto(`/notes/${deck}/`);
		await expect(page.locator('main h1')).toBeVisible();
		await expect(page.locator('main')).not.toContainText('<!--');
		await expect(page.locator('main')).not.toContainText('ask card');
		// The key points are shown; the words the matcher may tick them from are not.
		await expect(page.locator('main')).toContainText('Question:');
		await expect(page.locator('main')).not.toContainText('(also:');
	}
});
