// `npx tsx tests/content-coverage.ts`: which facts of the source articles no study item asks
// (interview prompts do not count: a model answer is read, never asked).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLibrary } from '../src/lib/content/deck';
import { ARTICLE_FACTS } from './unit/fixtures/article-facts';
import { askedText } from './unit/content/asked';

const contentDir = join(import.meta.dirname, '../content');
const files = readdirSync(contentDir)
	.filter((name) => name.endsWith('.md'))
	.map((file) => ({ file, text: readFileSync(join(contentDir, file), 'utf8') }));
const texts = buildLibrary(files).decks.flatMap((deck) => deck.items.flatMap(askedText));
const missing = ARTICLE_FACTS.filter(
	(fact) =>
		!texts.some((text) =>
			fact.evidence.every((group) => group.some((word) => text.includes(word.toLowerCase())))
		)
);
for (const fact of missing)
	console.log(`not asked: article ${fact.article}, ${fact.section}: ${fact.fact}`);
console.log(`${ARTICLE_FACTS.length - missing.length} of ${ARTICLE_FACTS.length} facts asked`);
process.exit(missing.length === 0 ? 0 : 1);
