// `npm run content:shingles -- <folder of the source articles>`: writes the hashed 8-word runs of
// the articles the notes are written from, for the test that no item or note copies them. Only
// hashes are kept: the articles themselves are not part of this repository.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shingles } from '../lib/content/quality';

const folder = process.argv[2];
if (!folder) {
	console.error('Give the folder that holds the source articles (.txt).');
	process.exit(1);
}
const runs = new Set<string>();
for (const name of readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
	for (const run of shingles(readFileSync(join(folder, name), 'utf8'), undefined, false))
		runs.add(run);
}
const out = join(import.meta.dirname, '../../tests/unit/fixtures/article-shingles.json');
writeFileSync(out, `${JSON.stringify([...runs].sort())}\n`);
console.log(`${runs.size} runs of 8 words written to ${out}`);
