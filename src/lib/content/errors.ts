/** One problem found in a notes file, with where it is. */
export interface ContentIssue {
	file: string;
	line: number;
	message: string;
}

/** Formats an issue the way compilers do: `content/file.md:12: message`. */
export function formatIssue(issue: ContentIssue): string {
	return `content/${issue.file}:${issue.line}: ${issue.message}`;
}

/** Bad notes: thrown with every problem found, each naming its file and line. */
export class ContentError extends Error {
	readonly issues: ContentIssue[];

	constructor(issues: ContentIssue[]) {
		super(
			`The notes in content/ have ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}:\n` +
				issues.map(formatIssue).join('\n')
		);
		this.name = 'ContentError';
		this.issues = issues;
	}
}
