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
				'20: duplicate key "technology-strategy" in topic "strategic-roles" (also at line 16)'
		},
		{
			name: 'a term with an empty explanation',
			text:
				ok +
				TERMS.replace("a roadmap for technology that serves the company's long-term plans.", ''),
			problem: '16: empty explanation for the term "Technology strategy"'
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
				'14: the interview question "When does a business need a CTO most?" needs a list of at least 2 key points'
		},
		{
			name: 'a table row with a missing cell',
			text:
				ok +
				TABLE.replace(
					'| Kevin Scott | Microsoft | AI strategy across products |',
					'| Kevin Scott | Microsoft |'
				),
			problem: '23: table row "Kevin Scott" has 2 cells, the header has 3'
		},
		{
			name: 'a table row with an empty cell',
			text: ok + TABLE.replace('| Nvidia |', '|  |'),
			problem: '25: table row "Michael Kagan" has an empty "Company" cell'
		},
		{
			name: 'a term list without an ask block',
			text: ok + TERMS.replace(/<!-- ask[\s\S]*?-->\n/, ''),
			problem:
				'10: this term list has no ask block: say how to ask about it in an "<!-- ask … -->" comment right before it'
		},
		{
			name: 'a table without an ask block',
			text: ok + TABLE.replace(/<!-- ask[\s\S]*?-->\n/, ''),
			problem: '10: this table has no ask block'
		},
		{
			name: 'an ask block without a key the group needs',
			text: ok + TERMS.replace(/which: .*\n/, ''),
			problem: '10: the ask block of this term list has no "which": say how to ask it'
		},
		{
			name: 'an ask block with a key it does not take',
			text: ok + TERMS.replace('card:', 'front:'),
			problem: '11: unknown key "front" in the ask block of this term list'
		},
		{
			name: 'a template without its placeholder',
			text:
				ok + TERMS.replace('cover?', 'cover, "{value}"?').replace('"{term}" cover', 'this cover'),
			problem: '11: "card" must use {term}, not {value}'
		},
		{
			name: 'a table column asked about in no words',
			text: ok + TABLE.replace(/Known for statement: .*\n/, ''),
			problem: '10: the ask block of this table has no "Known for statement": say how to ask it'
		},
		{
			name: 'an ask block with no list after it',
			text: ok + '## Topic\n\n<!-- ask\ncard: What is {term}?\n-->\n\nJust prose.\n',
			problem: '10: an ask block must come right before the list or table it is for'
		},
		{
			name: 'a sequence of two steps',
			text:
				ok +
				'## Steps\n\n<!-- ask\norder: Put them in order.\nposition: What is step {n}?\n-->\n1. one\n2. two\n',
			problem: '14: a sequence needs at least 3 steps to put in order, this one has 2'
		},
		{
			name: 'a term list of one term',
			text: ok + TERMS.replace(/- \*\*(Managing|Product|Ensuring).*\n/g, ''),
			problem: '16: a term list needs at least 2 terms; write a single fact as prose'
		},
		{
			name: 'unknown frontmatter',
			text: frontmatter('test', 'tags: [a, b]\n') + TERMS,
			problem:
				'6: unknown frontmatter field "tags" (allowed: deck, title, description, order, moved)'
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
			name: 'a deck id named like the learner’s own decks',
			text: ok.replace('deck: test', 'deck: own-notes') + TERMS,
			problem:
				'2: frontmatter field "deck" must not start with "own-" (that is how the learner\'s own decks are named)'
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
			problem: '21: "####" headings are too deep: use "##" or "###"'
		},
		{
			name: 'a list mixing terms and plain items',
			text: ok + TERMS + '- a plain item\n',
			problem:
				'20: this list mixes "**Term** — explanation" items with plain items: write every item one way'
		},
		{
			name: 'a structure before the first topic',
			text: ok + 'The **key** idea.\n\n' + TERMS,
			problem: '8: this yields study items, so it must sit under a "## Topic" heading'
		},
		{
			name: 'two headings with the same anchor',
			text: ok + TERMS + '\n## Strategic Roles!\n\nText.\n',
			problem: '21: duplicate heading "Strategic Roles!" (also at line 8)'
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
			expect(message).toContain('content/a.md:20: duplicate key "technology-strategy"');
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
