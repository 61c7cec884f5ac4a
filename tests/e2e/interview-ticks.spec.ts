import { expect, test } from './fixtures';
import { openOffline, practiseNextQuestion } from './helpers';

test('offline, a typed answer pre-ticks the key points it covers and not the others', async ({
	page,
	context
}) => {
	await openOffline(page, context, '/interview/');

	// Nothing answered yet: practice starts with the first question of the first note.
	const practice = await practiseNextQuestion(page);
	await expect(practice.getByRole('heading', { level: 2 })).toContainText(
		'In your own words, what does a CTO do?'
	);
	await practice
		.getByLabel(/Your answer/)
		.fill('Every technology initiative has to serve a business objective.');
	await practice.getByRole('button', { name: 'Reveal key points' }).click();

	const points = practice.getByRole('checkbox');
	await expect(points.nth(1)).toBeChecked();
	await expect(points.nth(1)).toHaveAccessibleName(/found in your answer/);
	for (const other of [0, 2, 3, 4]) await expect(points.nth(other)).not.toBeChecked();
	await expect(practice).toContainText(/1 of 5 covered/);

	// The candidate changes the ticks before saving.
	await points.nth(1).uncheck();
	await expect(practice).toContainText(/0 of 5 covered/);
});
