import { describe, expect, it } from 'vitest';
import type { Deck } from '$lib/content/types';
import { deckFrom, PROSE, QUESTION, SEQUENCE, TABLE, TERMS } from './notes';

const NOTES = [TERMS, TABLE, SEQUENCE, PROSE, QUESTION];

function ids(deck: Deck): string[] {
	return deck.items.map((item) => item.id).sort();
}

const original = deckFrom(NOTES.join('\n'));

describe('item ids survive edits that keep the facts', () => {
	it('reformatting prose and lists', () => {
		const reformatted = NOTES.join('\n')
			// Rewrap a paragraph, switch list markers and separators, pad the table.
			.replace('only **3 out of 10** visitors', 'only\n**3 out of 10**\nvisitors')
			.replace(/^- \*\*(.+?)\*\* — /gm, '* **$1**: ')
			.replace(/\| Amazon \|/, '|    Amazon    |')
			.replace('When HealthCare.gov launched', 'When _HealthCare.gov_ launched');
		expect(reformatted).not.toBe(NOTES.join('\n'));
		expect(ids(deckFrom(reformatted))).toEqual(ids(original));
	});

	it('reordering sections, list items and table rows', () => {
		// The list's items and the table's rows, each read from the notes and put back reversed.
		const reverseLines = (text: string, starts: RegExp) => {
			const lines = text.split('\n');
			const first = lines.findIndex((line) => starts.test(line));
			let last = first;
			while (starts.test(lines[last + 1] ?? '')) last += 1;
			const reversed = lines.slice(first, last + 1).reverse();
			return [...lines.slice(0, first), ...reversed, ...lines.slice(last + 1)].join('\n');
		};
		const reorderedTerms = reverseLines(TERMS, /^- \*\*/);
		const reorderedTable = reverseLines(TABLE, /^\| [A-Z][a-z]+ [A-Z]/);
		expect(reorderedTerms).not.toBe(TERMS);
		expect(reorderedTable).not.toBe(TABLE);
		const reordered = [QUESTION, PROSE, reorderedTable, SEQUENCE, reorderedTerms].join('\n');
		expect(ids(deckFrom(reordered))).toEqual(ids(original));
	});

	it('rewording an explanation, a model answer or the prose around a key phrase', () => {
		const reworded = NOTES.join('\n')
			.replace(
				"a roadmap for technology that serves the company's long-term plans.",
				'a plan that ties every technology choice to where the company wants to be in five years.'
			)
			.replace('the AWS cloud platform', 'building Amazon Web Services')
			.replace('When technology decides whether it survives', 'When its future rests on technology')
			.replace('When HealthCare.gov launched, only', 'At the launch of HealthCare.gov just');
		const deck = deckFrom(reworded);
		expect(ids(deck)).toEqual(ids(original));
		const card = deck.items.find(
			(item) => item.id === 'test/strategic-roles/technology-strategy/basic'
		);
		expect(card).toMatchObject({ back: expect.stringContaining('five years') });
	});

	it('but renaming a term gives it a new id', () => {
		const renamed = deckFrom(NOTES.join('\n').replace('**Team lead**', '**Technical team lead**'));
		expect(ids(renamed)).not.toEqual(ids(original));
		expect(ids(renamed)).toContain('test/roadmap/technical-team-lead/position/basic');
	});
});
