import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '$lib/content/deck';
import { ITEM_KINDS, type Item } from '$lib/content/types';
import { ARTICLE_FACTS } from '../fixtures/article-facts';

const contentDir = join(import.meta.dirname, '../../../content');
const files = readdirSync(contentDir)
	.filter((name) => name.endsWith('.md'))
	.map((file) => ({ file, text: readFileSync(join(contentDir, file), 'utf8') }));
const { decks } = buildLibrary(files);
const items = decks.flatMap((deck) => deck.items);

/** Every text a learner sees for an item, as one string. */
function textOf(item: Item): string {
	switch (item.kind) {
		case 'basic':
		case 'reverse':
			return `${item.front} ${item.back}`;
		case 'cloze':
			return `${item.text.replace('[…]', item.answer)}`;
		case 'mcq':
		case 'truefalse':
			return `${item.prompt} ${item.choices.join(' ')} ${item.explanation}`;
		case 'order':
			return `${item.prompt} ${item.steps.join(' ')}`;
		case 'match':
			return `${item.prompt} ${item.pairs.map((pair) => `${pair.left} ${pair.right}`).join(' ')}`;
		case 'interview':
			return `${item.question} ${item.answer} ${item.keyPoints.join(' ')}`;
	}
}

describe('the notes in content/', () => {
	it('build into decks with at least 300 items of at least five kinds and 60 multiple-choice questions', () => {
		expect(items.length).toBeGreaterThanOrEqual(300);
		const kinds = new Set(items.map((item) => item.kind));
		expect(kinds.size).toBeGreaterThanOrEqual(5);
		expect([...kinds].sort()).toEqual([...ITEM_KINDS].sort());
		expect(items.filter((item) => item.kind === 'mcq').length).toBeGreaterThanOrEqual(60);
	});

	it('have an interview question in every topic', () => {
		for (const deck of decks) {
			for (const topic of deck.topics) {
				const questions = deck.items.filter(
					(item) => item.topic === topic.id && item.kind === 'interview'
				);
				expect(questions.length, `${deck.id}/${topic.id}`).toBeGreaterThan(0);
			}
		}
	});

	it('teach every fact of both articles in at least one study item', () => {
		// Padding lets evidence such as "AI " match at the very end of an item.
		const texts = items.map((item) => ` ${textOf(item)} `.toLowerCase());
		const missing = ARTICLE_FACTS.filter(
			(fact) =>
				!texts.some((text) =>
					fact.evidence.every((group) =>
						group.some((alternative) => text.includes(alternative.toLowerCase()))
					)
				)
		).map((fact) => `article ${fact.article}, ${fact.section}: ${fact.fact}`);
		expect(missing).toEqual([]);
	});

	it('cover every section of both articles', () => {
		const sections = new Set(ARTICLE_FACTS.map((fact) => `${fact.article}: ${fact.section}`));
		expect(sections.size).toBeGreaterThanOrEqual(20);
	});
});
