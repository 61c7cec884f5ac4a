import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '$lib/content/deck';
import { assessLibrary } from '$lib/content/quality';
import { ITEM_KINDS } from '$lib/content/types';
import { ARTICLE_FACTS } from '../fixtures/article-facts';
import { askedText } from './asked';

const contentDir = join(import.meta.dirname, '../../../content');
const files = readdirSync(contentDir)
	.filter((name) => name.endsWith('.md'))
	.map((file) => ({ file, text: readFileSync(join(contentDir, file), 'utf8') }));
const library = buildLibrary(files);
const { decks } = library;
const articleShingles = new Set<string>(
	JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/article-shingles.json'), 'utf8'))
);
const items = decks.flatMap((deck) => deck.items);

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

	it('ask every fact of both articles in at least one card or question', () => {
		const texts = items.flatMap(askedText);
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

	it('read as a good tutor would write them: no give-away, copied run, crowded fact or look-alike', () => {
		const findings = assessLibrary(library, articleShingles).map(
			(finding) => `${finding.kind} ${finding.where}: ${finding.message}`
		);
		expect(findings).toEqual([]);
	});
});
