// Numbers as a person reads them: exact amounts in the store currency with thousands separators; short ones on
// chart axes only.

const locale = navigator.language || 'en';

export function money(amount, currency, digits = 2) {
    return new Intl.NumberFormat(locale, {
        style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits,
    }).format(Number(amount));
}

export function whole(count) {
    return new Intl.NumberFormat(locale).format(Number(count));
}

export function compact(value) {
    return new Intl.NumberFormat(locale, {notation: 'compact', maximumFractionDigits: 1}).format(value);
}

/** The change from before to now, in percent; null when there is nothing to compare with. */
export function change(now, before) {
    const previous = Number(before);
    if (before === null || before === undefined || previous === 0) {
        return null;
    }
    return ((Number(now) - previous) / Math.abs(previous)) * 100;
}

export function signedPercent(value) {
    const rounded = new Intl.NumberFormat(locale, {maximumFractionDigits: 1}).format(Math.abs(value));
    return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${rounded} %`;
}

export function date(isoDate) {
    const [year, month, day] = isoDate.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeZone: 'UTC'})
        .format(new Date(Date.UTC(year, month - 1, day)));
}

/** The store's calendar day of an instant, as YYYY-MM-DD. */
export function storeDay(instant, timeZone) {
    return new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'})
        .format(new Date(instant));
}
