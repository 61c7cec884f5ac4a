// `npm run content:report`: how many items of each kind every deck and topic of content/ yields.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLibrary } from '../lib/content/deck';
import { ContentError } from '../lib/content/errors';
import { contentReport, formatReport } from '../lib/content/report';

const contentDir = join(import.meta.dirname, '../../content');
const files = readdirSync(contentDir)
	.filter((name) => name.endsWith('.md'))
	.map((file) => ({ file, text: readFileSync(join(contentDir, file), 'utf8') }));

try {
	const { decks } = buildLibrary(files);
	console.log(formatReport(contentReport(decks)));
} catch (error) {
	if (error instanceof ContentError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
