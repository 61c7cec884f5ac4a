import { describe, expect, it } from 'vitest';
import { NOTES_EXAMPLE } from '$lib/import/notes-example';
import { ownNotesDeck } from '$lib/import/own-deck';
import { MAX_NOTES_CHARACTERS, readOwnNotes } from '$lib/import/own-notes';

const encode = (text: string) => new TextEncoder().encode(text);

describe('the learner’s own notes', () => {
	it('the example offered on the page makes cards, quiz questions and an interview prompt', () => {
		const outcome = readOwnNotes({ name: 'example.md', text: NOTES_EXAMPLE });
		expect(outcome.issues).toEqual([]);
		const deck = outcome.deck!;
		expect(deck.id).toBe('own-my-notes');
		expect(deck.title).toBe('My notes');
		expect(deck.url).toBe('');
		expect(deck.counts.basic).toBe(3);
		expect(deck.counts.reverse).toBe(3);
		expect(deck.counts.cloze).toBe(1);
		expect(deck.counts.truefalse).toBeGreaterThan(0);
		expect(deck.counts.match).toBe(1);
		expect(deck.counts.interview).toBe(1);
		expect(deck.items.every((item) => item.id.startsWith('own-my-notes/'))).toBe(true);
		const card = deck.items.find((item) => item.kind === 'basic');
		expect(card).toMatchObject({
			front: `What does the CTO's strategic role "Technology strategy" cover?`,
			back: "Building a roadmap for how the company's technology develops, in step with its long-term plans."
		});
	});

	it('gives every problem with its line, as the build does, and no deck', () => {
		const text = NOTES_EXAMPLE.replace(
			'match: Match each strategic role with what it covers.\n',
			''
		).replace('> **Answer:**', '> **Answr:**');
		const outcome = readOwnNotes({ name: 'mine.md', text });
		expect(outcome.deck).toBeUndefined();
		const lines = text.split('\n');
		const lineOf = (start: string) => lines.findIndex((line) => line.startsWith(start)) + 1;
		expect(outcome.issues).toEqual([
			{
				file: 'mine.md',
				line: lineOf('<!-- ask'),
				message: 'the ask block of this term list has no "match": say how to ask it'
			},
			{
				file: 'mine.md',
				line: lineOf('> **Question:**'),
				message:
					'the interview question "Why would our company need a CTO now?" has no "**Answer:**" paragraph'
			}
		]);
	});

	it('needs only deck and title in the frontmatter, and refuses an own- id or a missing title', () => {
		const missing = readOwnNotes({ name: 'a.md', text: '---\ndeck: acme\n---\n\n## A\n\nText.\n' });
		expect(missing.issues).toEqual([
			{ file: 'a.md', line: 1, message: 'missing frontmatter field "title"' }
		]);
		const own = readOwnNotes({
			name: 'b.md',
			text: NOTES_EXAMPLE.replace('deck: my-notes', 'deck: own-notes')
		});
		expect(own.issues[0]).toMatchObject({ line: 2 });
		expect(own.issues[0]?.message).toMatch(/must not start with "own-"/);
		const none = readOwnNotes({ name: 'c.md', text: '## A topic\n\nSome text.\n' });
		expect(none.issues[0]?.message).toMatch(
			/missing frontmatter: start the file with --- deck, title ---/
		);
	});

	it('refuses empty notes, notes that make nothing, and notes past the limit', () => {
		expect(readOwnNotes({ name: 'e.md', text: '  \n' }).issues[0]?.message).toBe(
			'the notes are empty'
		);
		const plain = readOwnNotes({
			name: 'p.md',
			text: '---\ndeck: plain\ntitle: Plain\n---\n\n## Only prose\n\nNothing bold here.\n'
		});
		expect(plain.issues[0]?.message).toMatch(/make nothing to study/);
		const long = readOwnNotes({ name: 'l.md', text: 'x'.repeat(MAX_NOTES_CHARACTERS + 1) });
		expect(long.issues[0]?.message).toMatch(/at most 500,000 are read/);
	});

	it('reads a picked file in UTF-8 with a BOM or in UTF-16, with Windows line endings', () => {
		const crlf = NOTES_EXAMPLE.replace(/\n/g, '\r\n');
		const utf8 = readOwnNotes({
			name: 'w.md',
			bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...encode(crlf)])
		});
		expect(utf8.deck?.counts.interview).toBe(1);
		expect(utf8.text).toBe(NOTES_EXAMPLE);
		const utf16 = new Uint8Array(2 + crlf.length * 2);
		utf16.set([0xff, 0xfe]);
		for (let index = 0; index < crlf.length; index++) {
			utf16[2 + index * 2] = crlf.charCodeAt(index) & 0xff;
			utf16[3 + index * 2] = crlf.charCodeAt(index) >> 8;
		}
		expect(readOwnNotes({ name: 'u.md', bytes: utf16 }).deck?.id).toBe('own-my-notes');
	});

	it('refuses a binary file picked as notes, saying what it is', () => {
		expect(() =>
			readOwnNotes({ name: 'x.md', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]) })
		).toThrow(/zip file/);
	});

	it('keeps no markup: a script written in the notes becomes harmless text, as in imported cards', () => {
		const text = NOTES_EXAMPLE.replace(
			'any business going through',
			'any business <script>alert(1)</script> going through'
		);
		const deck = readOwnNotes({ name: 'h.md', text }).deck!;
		const cloze = deck.items.find((item) => item.kind === 'cloze');
		expect(cloze).toMatchObject({
			text: 'The role is crucial in any business ‹script>alert(1)‹/script> going through a […].'
		});
		expect(JSON.stringify(deck)).not.toMatch(/<\s*[a-z!/?]/i);
	});

	it('a corrected save keeps the deck’s first date and order; the notes are kept to edit', () => {
		const built = readOwnNotes({ name: 'n.md', text: NOTES_EXAMPLE }).deck!;
		const first = ownNotesDeck(built, { text: NOTES_EXAMPLE, file: 'n.md', order: 1001, now: 5 });
		expect(first.own).toEqual({ file: 'n.md', createdAt: 5, updatedAt: 5, notes: NOTES_EXAMPLE });
		const again = ownNotesDeck(built, { text: 'x', file: 'm.md', order: 1009, now: 9 }, first);
		expect(again.order).toBe(1001);
		expect(again.own).toEqual({ file: 'm.md', createdAt: 5, updatedAt: 9, notes: 'x' });
	});
});
