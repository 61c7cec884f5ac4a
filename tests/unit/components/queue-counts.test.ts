import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import QueueCountsLine from '$lib/components/QueueCountsLine.svelte';

/** The line as a person reads it (tags and Svelte's comments left out). */
function line(counts: { due: number; learning: number; fresh: number }): string {
	const { body } = render(QueueCountsLine, { props: { counts } });
	return body
		.replace(/<!--.*?-->|<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

describe('the queue counts line', () => {
	it('groups the digits of large counts, as every other count in the app', () => {
		expect(line({ due: 12_345, learning: 1_000, fresh: 7 })).toBe(
			'12,345 due 1,000 learning 7 new'
		);
	});
});
