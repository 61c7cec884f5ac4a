import { describe, expect, it } from 'vitest';
import { buildLibrary } from '$lib/content/deck';
import { ContentError } from '$lib/content/errors';
import { frontmatter, problemsOf, QUESTION, TABLE, TERMS } from './notes';

const ok = frontmatter();

describe('bad notes give the file, the line and what is wrong', () => {
	const cases: { name: string; text: string; problem: string }[] = [
		{
			name: 'a duplicate key',
			text: ok + TERMS + '- **Technology strategy** — said twice.\n',
			problem:
				'14: duplicate key "technology-strategy" in topic "strategic-roles" (also at line 10)'
		},
		{
			name: 'a term with an empty explanation',
			text:
				ok +
				TERMS.replace("a roadmap for technology that serves the company's long-term plans.", ''),
			problem: '10: empty explanation for the term "Technology strategy"'
		},
		{
			name: 'an interview question with an empty answer',
			text: ok + QUESTION.replace(/\*\*Answer:\*\* .*/, '**Answer:**'),
			problem: '12: empty answer in the interview question "When does a business need a CTO most?"'
		},
		{
			name: 'an interview question without an answer',
			text: ok + QUESTION.replace(/> \*\*Answer:\*\* .*\n>\n/, ''),
			problem:
				'10: the interview question "When does a business need a CTO most?" has no "**Answer:**" paragraph'
		},
		{
			name: 'an interview question with one key point',
			text: ok + QUESTION.replace('> - unstable infrastructure\n> - rapid scale-up\n', ''),
			problem:
				'10: the interview question "When does a business need a CTO most?" needs a list of at least 2 key points'
		},
		{
			name: 'a table row with a missing cell',
			text:
				ok +
				TABLE.replace(
					'| Kevin Scott | Microsoft | AI strategy across products |',
					'| Kevin Scott | Microsoft |'
				),
			problem: '13: table row "Kevin Scott" has 2 cells, the header has 3'
		},
		{
			name: 'a table row with an empty cell',
			text: ok + TABLE.replace('| Nvidia |', '|  |'),
			problem: '15: table row "Michael Kagan" has an empty "Company" cell'
		},
		{
			name: 'too few siblings in a term list',
			text: ok + TERMS.replace(/- \*\*Ensuring system security\*\*.*\n/, ''),
			problem: '10: too few siblings to make distractors: this term list has 3, it needs at least 4'
		},
		{
			name: 'too few rows in a table',
			text: ok + TABLE.replace(/\| Michael Kagan.*\n\| Dorit Dor.*\n/, ''),
			problem: '10: too few siblings to make distractors: this table has 3, it needs at least 4'
		},
		{
			name: 'too few different values in a column',
			text: ok + TABLE.replace('| Salesforce |', '| Amazon |').replace('| Nvidia |', '| Amazon |'),
			problem:
				'10: too few siblings to make distractors: the "Company" column has 3, it needs at least 4'
		},
		{
			name: 'a sequence of three steps',
			text: ok + '## Steps\n\n1. one\n2. two\n3. three\n',
			problem: '10: too few siblings to make distractors: this sequence has 3, it needs at least 4'
		},
		{
			name: 'unknown frontmatter',
			text: frontmatter('test', 'tags: [a, b]\n') + TERMS,
			problem: '6: unknown frontmatter field "tags" (allowed: deck, title, description, order)'
		},
		{
			name: 'a frontmatter field of the wrong type',
			text: ok.replace('order: 1', 'order: first') + TERMS,
			problem: '5: frontmatter field "order" must be a number'
		},
		{
			name: 'a bad deck id',
			text: ok.replace('deck: test', 'deck: My Deck') + TERMS,
			problem: '2: frontmatter field "deck" must be lower-case letters, digits and single hyphens'
		},
		{
			name: 'a missing frontmatter field',
			text: ok.replace('title: Test deck\n', '') + TERMS,
			problem: '1: missing frontmatter field "title"'
		},
		{
			name: 'no frontmatter',
			text: TERMS,
			problem: '1: missing frontmatter: start the file with --- deck, title, description, order ---'
		},
		{
			name: 'frontmatter that is not YAML',
			text: '---\ndeck: [unclosed\n---\n' + TERMS,
			problem: '2: frontmatter is not valid YAML'
		},
		{
			name: 'a level-one heading',
			text: ok + '# Title\n\n' + TERMS,
			problem: '8: a "#" heading is not allowed: the deck title comes from the frontmatter'
		},
		{
			name: 'a heading that is too deep',
			text: ok + TERMS + '\n#### Deep\n',
			problem: '15: "####" headings are too deep: use "##" or "###"'
		},
		{
			name: 'a list mixing terms and plain items',
			text: ok + TERMS + '- a plain item\n',
			problem:
				'14: this list mixes "**Term** — explanation" items with plain items: write every item one way'
		},
		{
			name: 'a structure before the first topic',
			text: ok + 'The **key** idea.\n\n' + TERMS,
			problem: '8: this yields study items, so it must sit under a "## Topic" heading'
		},
		{
			name: 'two headings with the same anchor',
			text: ok + TERMS + '\n## Strategic Roles!\n\nText.\n',
			problem: '15: duplicate heading "Strategic Roles!" (also at line 8)'
		},
		{
			name: 'no topic at all',
			text: ok + 'Just an introduction.\n',
			problem: '1: no topics: write at least one "## Topic" heading'
		}
	];

	for (const { name, text, problem } of cases) {
		it(name, () => {
			const problems = problemsOf(text);
			expect(
				problems.some((line) => line.startsWith(problem)),
				problems.join('\n')
			).toBe(true);
		});
	}
});

describe('a library of notes', () => {
	it('throws one error naming every problem of every file', () => {
		const files = [
			{ file: 'a.md', text: frontmatter('a') + TERMS + '- **Technology strategy** — twice.\n' },
			{ file: 'b.md', text: frontmatter('b', 'tags: x\n') + TERMS }
		];
		expect(() => buildLibrary(files)).toThrow(ContentError);
		try {
			buildLibrary(files);
		} catch (error) {
			const message = (error as Error).message;
			expect(message).toContain('content/a.md:14: duplicate key "technology-strategy"');
			expect(message).toContain('content/b.md:6: unknown frontmatter field "tags"');
		}
	});

	it('refuses two files with the same deck id', () => {
		const files = [
			{ file: 'a.md', text: frontmatter('same') + TERMS },
			{ file: 'b.md', text: frontmatter('same') + TERMS }
		];
		expect(() => buildLibrary(files)).toThrow(
			'content/b.md:2: duplicate deck id "same" (also in a.md)'
		);
	});

	it('skips the README and orders decks by their order field', () => {
		const files = [
			{ file: 'README.md', text: '# How to write notes' },
			{ file: 'z.md', text: frontmatter('z').replace('order: 1', 'order: 0') + TERMS },
			{ file: 'a.md', text: frontmatter('a') + TERMS }
		];
		expect(buildLibrary(files).decks.map((deck) => deck.id)).toEqual(['z', 'a']);
	});
});
