import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '$lib/content/deck';
import type { InterviewItem } from '$lib/content/types';
import { ARTICLE_NAMES, ARTICLE_NUMBERS, SHORT_FORMS } from '../fixtures/article-names';

// The interview questions of the real notes, read as an interview coach would: enough of them, each
// asking for the candidate's own evidence and followed up, and none claiming what the articles do
// not say (as far as a test can tell: names and figures; copied runs are checked with the notes).

const contentDir = join(import.meta.dirname, '../../../content');
const files = readdirSync(contentDir)
	.filter((name) => name.endsWith('.md'))
	.map((file) => ({ file, text: readFileSync(join(contentDir, file), 'utf8') }));
const questions = buildLibrary(files)
	.decks.flatMap((deck) => deck.items)
	.filter((item): item is InterviewItem => item.kind === 'interview');

/** Every text of a question that says something: the model answer, the points, the follow-ups. */
function claims(item: InterviewItem): string[] {
	return [item.answer, ...item.keyPoints, ...item.evidence, ...item.followUps];
}

const allowedWords = new Set([
	'I',
	...[...ARTICLE_NAMES, ...SHORT_FORMS.map((form) => form.short)].flatMap((name) => name.split(' '))
]);

/** Capitalised words that do not open a sentence (or a quotation) and are no name the articles give. */
function outsideNames(text: string): string[] {
	const outside: string[] = [];
	for (const sentence of text.split(/(?<=[.?!])\s+/)) {
		const words = sentence.split(/\s+/).filter(Boolean);
		words.forEach((raw, index) => {
			if (index === 0 || /^['"‘“(]/.test(raw)) return;
			const word = raw.replace(/^[(]+/, '').replace(/(['’]s)?[),.;:?!'"’”]*$/, '');
			if (/^\p{Lu}/u.test(word) && !allowedWords.has(word)) outside.push(word);
		});
	}
	return outside;
}

/** Figures the articles do not give: numbers in digits, shares and sums of money. */
function outsideFigures(text: string): string[] {
	const numbers = (text.match(/\d[\d,]*\d(?:s|G)?|\d(?:s|G)?/g) ?? []).filter(
		(number) => !ARTICLE_NUMBERS.includes(number)
	);
	const measures = text.match(/%|[$€£]|\b(?:per ?cent|thousands?|billions?|dozens?)\b/gi) ?? [];
	return [...numbers, ...measures];
}

describe('the interview questions of the notes', () => {
	it('are at least 40, each with its evidence and one to three follow-ups', () => {
		expect(questions.length).toBeGreaterThanOrEqual(40);
		for (const item of questions) {
			expect(item.keyPoints.length, item.id).toBeGreaterThanOrEqual(2);
			expect(item.evidence.length, item.id).toBeGreaterThanOrEqual(1);
			expect(item.followUps.length, item.id).toBeGreaterThanOrEqual(1);
			expect(item.followUps.length, item.id).toBeLessThanOrEqual(3);
			for (const followUp of item.followUps) expect(followUp, item.id).toMatch(/\?$/);
		}
	});

	it('are all different questions', () => {
		const texts = questions.map((item) => item.question.toLowerCase());
		expect(new Set(texts).size).toBe(texts.length);
	});

	it('give model answers long enough to show a position, reasons and an example', () => {
		const short = questions
			.filter((item) => item.answer.split(/\s+/).length < 80)
			.map((item) => item.id);
		expect(short).toEqual([]);
	});

	it('ask evidence of the candidate, never a fact of their own', () => {
		// An evidence point says what the candidate brings ("Names a time they…"), so it claims nothing.
		const notAboutThem = questions
			.flatMap((item) => item.evidence)
			.filter((point) => !/\b(they|their|them|themselves)\b/.test(point));
		expect(notAboutThem).toEqual([]);
	});

	it('name no one and nothing the articles do not name', () => {
		const outside = questions.flatMap((item) =>
			[item.question, ...claims(item)].flatMap(outsideNames).map((word) => `${item.id}: ${word}`)
		);
		expect(outside).toEqual([]);
	});

	it('state no figure the articles do not give', () => {
		// The question itself may set the scene ("your first 90 days"); what answers it may not.
		const outside = questions.flatMap((item) =>
			claims(item)
				.flatMap(outsideFigures)
				.map((figure) => `${item.id}: ${figure}`)
		);
		expect(outside).toEqual([]);
	});

	it('keep out the claims a review found the articles do not make', () => {
		// The HealthCare.gov rescue team is never called small or elite, nor said to diagnose first.
		const outside = questions.flatMap((item) =>
			claims(item).filter((text) => /diagnos|\belite\b|\bsmall team\b/i.test(text))
		);
		expect(outside).toEqual([]);
	});
});

describe('the checks for outside names and figures', () => {
	it('catch a name or a figure from somewhere else, and let the articles’ own pass', () => {
		expect(outsideNames('We moved to Kubernetes, as Netflix did.')).toEqual([
			'Kubernetes',
			'Netflix'
		]);
		expect(outsideNames('Todd Park, the White House CTO, led it. Then AWS grew.')).toEqual([]);
		expect(outsideNames("For example: 'My team grew.' Park's team worked.")).toEqual([]);
		expect(
			outsideFigures('Only 3 out of 10 got through, over 1,400 patents, in the 2000s.')
		).toEqual([]);
		// "2" is a figure of the articles (2–5 times a year), so only the shares and sums stand out.
		expect(outsideFigures('We cut costs by 30% and saved $2m for 40 engineers.')).toEqual([
			'30',
			'40',
			'%',
			'$'
		]);
	});
});
