import { describe, expect, it } from 'vitest';
import { parseDeck } from '$lib/content/schema';
import { deckFrom, frontmatter, ofKind, problemsOf, QUESTION } from './notes';

// Line numbers below count from the top of the file: the frontmatter takes lines 1 to 7, so the
// block quote of QUESTION starts at line 10.
//
// 10 > **Question:** When does a business need a CTO most?
// 12 > **Answer:** When technology decides whether it survives: …
// 14 > - digital transformation
// 15 > - unstable infrastructure
// 16 > - rapid scale-up
// 17 > - **Evidence:** names a time they saw one of these moments, and what it cost
// 19 > **Follow-ups:**
// 21 > - Which of the four is our company in now?
// 22 > - How would you know a CTO had made a difference?

const QUESTION_TEXT = 'When does a business need a CTO most?';

/** The problems of the notes once `edit` has changed the question block. */
function problemsAfter(edit: (block: string) => string): string[] {
	const block = edit(QUESTION);
	expect(block, 'the edit changed nothing').not.toBe(QUESTION);
	return problemsOf(frontmatter() + block);
}

describe('an interview question block', () => {
	it('yields its content key points, its evidence points and its follow-ups apart', () => {
		const [prompt] = ofKind(deckFrom(QUESTION), 'interview');
		expect(prompt).toMatchObject({
			question: QUESTION_TEXT,
			keyPoints: ['digital transformation', 'unstable infrastructure', 'rapid scale-up'],
			evidence: ['names a time they saw one of these moments, and what it cost'],
			followUps: [
				'Which of the four is our company in now?',
				'How would you know a CTO had made a difference?'
			]
		});
	});

	it('takes a model answer of several paragraphs, evidence written "**Evidence**:" and one follow-up', () => {
		const block = QUESTION.replace(
			'> - digital transformation',
			'> A second **paragraph** of the model answer.\n>\n> - digital transformation'
		)
			.replace(
				'> - rapid scale-up',
				'> - rapid scale-up\n> - **Evidence**: gives a figure they moved'
			)
			.replace('> - How would you know a CTO had made a difference?\n', '');
		const [prompt] = ofKind(deckFrom(block), 'interview');
		expect(prompt?.answer).toMatch(/survives: .*\n\nA second paragraph of the model answer\.$/);
		expect(prompt?.evidence).toEqual([
			'gives a figure they moved',
			'names a time they saw one of these moments, and what it cost'
		]);
		expect(prompt?.followUps).toEqual(['Which of the four is our company in now?']);
	});

	it('reads synonyms declared with "(also: …)" apart from the key point, one list per point', () => {
		const block = QUESTION.replace(
			'> - rapid scale-up',
			'> - rapid scale-up (also: "growing fast", “hypergrowth”)'
		);
		const [prompt] = ofKind(deckFrom(block), 'interview');
		expect(prompt?.keyPoints).toEqual([
			'digital transformation',
			'unstable infrastructure',
			'rapid scale-up'
		]);
		expect(prompt?.synonyms).toEqual([[], [], ['growing fast', 'hypergrowth']]);
		expect(parseDeck(JSON.parse(JSON.stringify(deckFrom(block))))).toEqual(deckFrom(block));
		// A block without any publishes no synonyms at all (decks stored before them read the same).
		expect(ofKind(deckFrom(QUESTION), 'interview')[0]).not.toHaveProperty('synonyms');
	});

	it('is published in a form the app reads back, and the app refuses one without them', () => {
		const deck = deckFrom(QUESTION);
		expect(parseDeck(JSON.parse(JSON.stringify(deck)))).toEqual(deck);
		const [prompt] = ofKind(deck, 'interview');
		const withItem = (changes: object) => ({ ...deck, items: [{ ...prompt, ...changes }] });
		const refused = (changes: object, field: RegExp) => {
			const error = (() => {
				try {
					parseDeck(withItem(changes));
				} catch (caught) {
					return caught as Error;
				}
			})();
			expect(error?.message).toBe(
				'The site sent a deck the app cannot read, so nothing of it was stored. Try again later.'
			);
			expect(String(error?.cause)).toMatch(field);
		};
		refused({ evidence: [] }, /evidence/);
		refused({ followUps: [] }, /followUps/);
		refused({ followUps: ['Why?', 'How?', 'When?', 'Who?'] }, /followUps/);
		refused({ followUps: ['Tell me more.'] }, /followUps/);
	});
});

describe('a bad interview question block names the line and what is wrong', () => {
	const cases: { name: string; edit: (block: string) => string; problem: string }[] = [
		{
			name: 'no evidence point',
			edit: (block) => block.replace(/> - \*\*Evidence:\*\*.*\n/, ''),
			problem: `14: the interview question "${QUESTION_TEXT}" has no "**Evidence:**" key point`
		},
		{
			name: 'an empty evidence point',
			edit: (block) => block.replace(/(> - \*\*Evidence:\*\*).*/, '$1'),
			problem: `17: empty evidence point in the interview question "${QUESTION_TEXT}"`
		},
		{
			name: 'fewer than two content key points, evidence aside',
			edit: (block) => block.replace('> - unstable infrastructure\n> - rapid scale-up\n', ''),
			problem: `14: the interview question "${QUESTION_TEXT}" needs a list of at least 2 key points (evidence points do not count)`
		},
		{
			name: 'no follow-ups section',
			edit: (block) => block.slice(0, block.indexOf('>\n> **Follow-ups:**')),
			problem: `10: the interview question "${QUESTION_TEXT}" has no "**Follow-ups:**"`
		},
		{
			name: 'a follow-ups paragraph with no list after it',
			edit: (block) => block.slice(0, block.indexOf('>\n> - Which')),
			problem: `19: "**Follow-ups:**" in the interview question "${QUESTION_TEXT}" must be followed by a list of 1 to 3 questions`
		},
		{
			name: 'follow-ups written on the label line',
			edit: (block) =>
				block.replace('> **Follow-ups:**', '> **Follow-ups:** What would you cut first?'),
			problem: `19: write the follow-ups of the interview question "${QUESTION_TEXT}" as a list under "**Follow-ups:**", not on its line`
		},
		{
			name: 'more than three follow-ups',
			edit: (block) => block + '> - What would you cut first?\n> - Who would you hire first?\n',
			problem: `21: the interview question "${QUESTION_TEXT}" has 4 follow-ups, at most 3`
		},
		{
			name: 'a follow-up that is not a question',
			edit: (block) => block.replace('made a difference?', 'made a difference.'),
			problem:
				'22: the follow-up "How would you know a CTO had made a difference." is not a question: end it with "?"'
		},
		{
			name: 'a paragraph after the follow-ups',
			edit: (block) => block + '>\n> One more thought.\n',
			problem: `24: unexpected paragraph in the interview question "${QUESTION_TEXT}" after its follow-ups`
		},
		{
			name: 'a second list after the key points',
			// A new bullet marker starts a new list.
			edit: (block) =>
				block.replace('> **Follow-ups:**\n>\n', '').replace(/> - (Which|How)/g, '> * $1'),
			problem: `19: unexpected list in the interview question "${QUESTION_TEXT}" after its key points`
		},
		{
			name: 'a follow-ups label that runs into the last key point',
			edit: (block) => block.replace('cost\n>\n> **Follow-ups:**', 'cost\n> **Follow-ups:**'),
			problem: `17: "**Follow-ups:**" runs into a key point of the interview question "${QUESTION_TEXT}"`
		},
		{
			name: 'synonyms that are not quoted phrases',
			edit: (block) =>
				block.replace('> - rapid scale-up', '> - rapid scale-up (also: fast growth, hypergrowth)'),
			problem: `16: write "(also: …)" in a key point of the interview question "${QUESTION_TEXT}" as quoted phrases`
		},
		{
			name: 'an empty synonym',
			edit: (block) =>
				block.replace('> - rapid scale-up', '> - rapid scale-up (also: "fast growth", "")'),
			problem: `16: empty phrase in "(also: …)" in a key point of the interview question "${QUESTION_TEXT}"`
		},
		{
			name: 'a synonym of common words only, which could never tick its point',
			edit: (block) =>
				block.replace(
					'> - rapid scale-up',
					'> - rapid scale-up (also: "fast growth", "at the same time")'
				),
			problem: `16: the phrase "at the same time" in "(also: …)" in a key point of the interview question "${QUESTION_TEXT}" has only common words`
		},
		{
			name: 'synonyms on an evidence point',
			edit: (block) => block.replace('what it cost', 'what it cost (also: "a story")'),
			problem: `17: an evidence point of the interview question "${QUESTION_TEXT}" has "(also: …)"`
		},
		{
			name: 'something between the question and its answer',
			edit: (block) => block.replace('>\n> **Answer:**', '>\n> A stray line.\n>\n> **Answer:**'),
			problem: `12: the interview question "${QUESTION_TEXT}" must go straight on to its "**Answer:**" paragraph`
		}
	];

	for (const { name, edit, problem } of cases) {
		it(name, () => {
			const problems = problemsAfter(edit);
			expect(
				problems.some((line) => line.startsWith(problem)),
				problems.join('\n')
			).toBe(true);
		});
	}
});
