// `npm run content:report`: how many items of each kind every deck and topic of content/ yields,
// and the quality figures of those items: give-aways, fronts that ask nothing, cloze cards their
// own sentence answers, copied runs, crowded facts, look-alike siblings, and the share of a
// default quiz each deck gets. `-- --details` lists every finding; `-- --deck career.md` reads
// only that file (the others may be mid-edit).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLibrary } from '../lib/content/deck';
import { ContentError } from '../lib/content/errors';
import { seededRandom } from '../lib/content/hash';
import { assessLibrary, type Finding } from '../lib/content/quality';
import { contentReport, formatReport } from '../lib/content/report';
import { DEFAULT_QUIZ, pickQuestions } from '../lib/quiz/quiz';

const contentDir = join(import.meta.dirname, '../../content');
const shinglesFile = join(import.meta.dirname, '../../tests/unit/fixtures/article-shingles.json');
const only = process.argv.includes('--deck')
	? process.argv[process.argv.indexOf('--deck') + 1]
	: undefined;
const files = readdirSync(contentDir)
	.filter((name) => name.endsWith('.md') && (!only || name === only || name === `${only}.md`))
	.map((file) => ({ file, text: readFileSync(join(contentDir, file), 'utf8') }));

try {
	const library = buildLibrary(files);
	console.log(formatReport(contentReport(library.decks)));
	const articles = existsSync(shinglesFile)
		? new Set<string>(JSON.parse(readFileSync(shinglesFile, 'utf8')))
		: undefined;
	const findings: Finding[] = assessLibrary(library, articles);
	const count = (kind: Finding['kind']) =>
		findings.filter((finding) => finding.kind === kind).length;
	console.log('\nQuality (each should be 0)');
	console.log(`  give-aways in multiple-choice questions   ${count('give-away')}`);
	console.log(`  flashcard fronts that ask nothing         ${count('no-question')}`);
	console.log(`  stems without a declared phrasing         0 (the build refuses them)`);
	console.log(`  cloze cards their own sentence answers    ${count('cloze')}`);
	console.log(
		`  runs of 8+ words copied from an article   ${articles ? count('copied') : 'not checked (no article shingles)'}`
	);
	console.log(`  facts taught by more than 5 items         ${count('crowded')}`);
	console.log(`  siblings the notes describe alike         ${count('ambiguous')}`);

	// The share of a default quiz each deck gets, over many quizzes, beside its share of topics.
	const asked = new Map<string, number>();
	const runs = 2000;
	const random = seededRandom('content-report');
	for (let run = 0; run < runs; run++) {
		for (const item of pickQuestions(library.decks, DEFAULT_QUIZ, random)) {
			const deck = item.id.slice(0, item.id.indexOf('/'));
			asked.set(deck, (asked.get(deck) ?? 0) + 1);
		}
	}
	const total = [...asked.values()].reduce((sum, value) => sum + value, 0);
	const topics = library.decks.reduce((sum, deck) => sum + deck.topics.length, 0);
	console.log('\nShare of a default quiz (10 questions, all decks), by deck');
	for (const deck of library.decks) {
		const share = ((asked.get(deck.id) ?? 0) / total) * 100;
		const topicShare = (deck.topics.length / topics) * 100;
		console.log(
			`  ${deck.id.padEnd(18)} ${share.toFixed(1).padStart(5)}% of questions, ${topicShare.toFixed(1).padStart(5)}% of topics`
		);
	}
	if (process.argv.includes('--details') && findings.length > 0) {
		console.log('\nFindings');
		for (const finding of findings) {
			console.log(`  ${finding.kind.padEnd(11)} ${finding.where}: ${finding.message}`);
		}
	}
} catch (error) {
	if (error instanceof ContentError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
