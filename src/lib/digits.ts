// Apart from format.ts: the study page's prerendered counts need this and nothing else of it.

/**
 * A count with thousands grouped, "12,345". Not `toLocaleString`: its first call loads the
 * browser's number formats, a long task on a first visit to home on a slow phone.
 */
export function groupDigits(count: number): string {
	const [whole, fraction] = String(Math.abs(count)).split('.');
	const grouped = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${count < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
