const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the study day that contains `now` began, in local time. Like Anki, a study day starts at an
 * hour after midnight (default 4:00), so a late-night session still counts for the evening's day.
 */
export function studyDayStart(now: number, dayStartHour: number): number {
	const date = new Date(now);
	const start = new Date(date.getFullYear(), date.getMonth(), date.getDate(), dayStartHour);
	if (start.getTime() > now) start.setDate(start.getDate() - 1);
	return start.getTime();
}

/** When the study day that contains `now` ends (the next day's start). */
export function studyDayEnd(now: number, dayStartHour: number): number {
	const start = new Date(studyDayStart(now, dayStartHour));
	start.setDate(start.getDate() + 1);
	return start.getTime();
}

/** The study day of a moment as `YYYY-MM-DD` (local), for streaks and the calendar. */
export function studyDayKey(time: number, dayStartHour: number): string {
	const start = new Date(studyDayStart(time, dayStartHour));
	const month = String(start.getMonth() + 1).padStart(2, '0');
	const day = String(start.getDate()).padStart(2, '0');
	return `${start.getFullYear()}-${month}-${day}`;
}

/** The key of the day `days` before the study day of `now`. */
export function studyDayKeyBefore(now: number, days: number, dayStartHour: number): string {
	const start = new Date(studyDayStart(now, dayStartHour));
	start.setDate(start.getDate() - days);
	// Noon of that day is safely inside it, whatever daylight saving does.
	start.setHours(12);
	return studyDayKey(start.getTime(), dayStartHour);
}

/** A short human interval such as "1m", "10m", "3h", "4d", "2mo" or "1.5y". */
export function formatInterval(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / 60000));
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours}h`;
	const days = Math.round(ms / DAY_MS);
	if (days < 31) return `${days}d`;
	const months = days / 30.44;
	if (months < 12) return `${Math.round(months)}mo`;
	const years = days / 365.25;
	return `${years < 10 ? Math.round(years * 10) / 10 : Math.round(years)}y`;
}

/** The same interval in words for screen readers: "in 10 minutes", "in 4 days". */
export function describeInterval(ms: number): string {
	const short = formatInterval(ms);
	const value = parseFloat(short);
	const unit = short.replace(/^[\d.]+/, '');
	const names: Record<string, string> = {
		m: 'minute',
		h: 'hour',
		d: 'day',
		mo: 'month',
		y: 'year'
	};
	return `in ${value} ${names[unit] ?? unit}${value === 1 ? '' : 's'}`;
}
