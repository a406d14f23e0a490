// The periods a merchant picks, as days of the store's calendar: "today" is the store's date (GET /api/store/),
// which may not be the browser's.

export function presetRange(preset, today) {
    const end = parse(today);
    const first = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1));
    switch (preset) {
        case 'last7':
            return [iso(addDays(end, -6)), today];
        case 'last90':
            return [iso(addDays(end, -89)), today];
        case 'mtd':
            return [iso(first), today];
        case 'last_month':
            return [iso(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1))), iso(addDays(first, -1))];
        case 'ytd':
            return [`${end.getUTCFullYear()}-01-01`, today];
        default:
            return [iso(addDays(end, -29)), today];
    }
}

/** Days for up to a month and a bit, weeks for up to half a year, months beyond. */
export function intervalFor(start, end) {
    const days = Math.round((parse(end) - parse(start)) / 86_400_000) + 1;
    return days <= 35 ? 'day' : days <= 190 ? 'week' : 'month';
}

function parse(isoDate) {
    const [year, month, day] = isoDate.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day));
}

function addDays(day, days) {
    return new Date(day.getTime() + days * 86_400_000);
}

function iso(day) {
    return day.toISOString().slice(0, 10);
}
