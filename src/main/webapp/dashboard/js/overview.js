// The overview: a period and a comparison, the period's figures as tiles, and four charts, each with its table
// and its CSV, all read from /api/analytics/sales/.

import {get} from './session.js';
import {change, date, money, signedPercent, whole} from './format.js';
import {intervalFor, presetRange} from './ranges.js';
import {bars, draw, lines} from './charts.js';
import {downloadCsv, renderTable} from './tables.js';

const TILES = [
    {key: 'net_revenue', label: 'Net revenue', kind: 'money'},
    {key: 'orders', label: 'Orders', kind: 'whole'},
    {key: 'average_order_value', label: 'Average order value', kind: 'money'},
    {key: 'units_sold', label: 'Units sold', kind: 'whole'},
    {key: 'new_customers', label: 'New customers', kind: 'whole'},
    {key: 'returning_customers', label: 'Returning customers', kind: 'whole'},
    {key: 'refunds', label: 'Refunds', kind: 'money', lowerIsBetter: true},
    {key: 'tax', label: 'Tax', kind: 'money'},
];
const COMPARED = {previous_period: 'the previous period', previous_year: 'the previous year'};
const NO_SALES = 'No sales in this period. Pick a longer period, or import past sales (Reports).';

const $ = id => document.getElementById(id);
let store = null;
let asked = null;
let loading = 0;

export function showOverview(storeFacts) {
    store = storeFacts;
    $('store-facts').textContent = `Amounts in ${store.currency}; dates are days in ${store.time_zone}, `
        + `where today is ${date(store.today)}.`;
    if (!$('start').value) {
        applyPreset();
        listen();
    }
    $('overview').hidden = false;
    return load();
}

function listen() {
    $('preset').addEventListener('change', () => {
        applyPreset();
        load();
    });
    for (const field of ['start', 'end']) {
        $(field).addEventListener('change', () => {
            $('preset').value = 'custom';
            load();
        });
    }
    $('compare').addEventListener('change', load);
    $('top-country').addEventListener('change', () => loadTopSellers().catch(error => fail('top', error)));
    $('range-form').addEventListener('submit', event => event.preventDefault());
    document.querySelectorAll('button.csv').forEach(button => button.addEventListener('click', () => csv(button)));
}

function applyPreset() {
    const preset = $('preset').value;
    if (preset !== 'custom') {
        const [start, end] = presetRange(preset, store.today);
        $('start').value = start;
        $('end').value = end;
    }
}

/** Every part at once; a newer choice of period wins over answers still arriving for an older one. */
async function load() {
    const start = $('start').value;
    const end = $('end').value;
    if (!start || !end || start > end) {
        notice('Pick a start date on or before the end date.');
        return;
    }
    $('notice').hidden = true;
    const compare = $('compare').value;
    const ticket = ++loading;
    asked = {start, end, compare, interval: intervalFor(start, end)};
    $('overview').dataset.state = 'loading';
    $('range-label').textContent = `${date(start)} to ${date(end)}`
        + (compare ? `, compared with ${COMPARED[compare]}` : '');
    const parts = await Promise.allSettled([loadSeries(ticket), loadBreakdowns(ticket)]);
    if (ticket === loading) {
        parts.filter(part => part.status === 'rejected').forEach(part => console.error(part.reason));
        $('overview').dataset.state = parts.every(part => part.status === 'fulfilled') ? 'ready' : 'error';
        // the benchmark reads how long the overview took to draw after a login (README, Dashboard)
        performance.mark('dashboard:overview-drawn');
    }
}

function range() {
    return `start_date=${asked.start}&end_date=${asked.end}`;
}

function salesPath(type, extra = '') {
    return `/api/analytics/sales/?type=${type}&${range()}${extra}`;
}

async function loadSeries(ticket) {
    const compare = asked.compare ? `&compare=${asked.compare}` : '';
    try {
        const series = await get(salesPath('revenue_over_time', `&interval=${asked.interval}${compare}`));
        const before = series.comparison ? await get(`/api/analytics/sales/?type=revenue_over_time`
            + `&start_date=${series.comparison.start_date}&end_date=${series.comparison.end_date}`
            + `&interval=${asked.interval}`) : null;
        if (ticket === loading) {
            renderTiles(series);
            renderSeries(series, before);
        }
    } catch (error) {
        fail('revenue', error);
        $('tiles').replaceChildren(message(error.message));
        throw error;
    }
}

function renderTiles(series) {
    const previous = series.comparison ? series.comparison.totals : null;
    const versus = series.comparison ? COMPARED[series.comparison.compare] : null;
    $('tiles').replaceChildren(...TILES.map(tile => {
        const value = series.totals[tile.key];
        const box = document.createElement('div');
        box.className = 'tile';
        box.dataset.key = tile.key;
        box.dataset.value = value;
        const title = document.createElement('h3');
        title.textContent = tile.label;
        const figure = document.createElement('p');
        figure.className = 'value';
        figure.textContent = tile.kind === 'money' ? money(value, series.currency, store.currency_fraction_digits)
            : whole(value);
        const delta = document.createElement('p');
        delta.className = 'change';
        const percent = previous ? change(value, previous[tile.key]) : null;
        if (percent === null) {
            delta.textContent = previous ? `nothing to compare in ${versus}` : '';
        } else {
            const better = tile.lowerIsBetter ? percent < 0 : percent > 0;
            delta.classList.add(percent === 0 ? 'flat' : better ? 'better' : 'worse');
            delta.textContent = `${signedPercent(percent)} vs ${versus}`;
        }
        box.append(title, figure, delta);
        return box;
    }));
}

function renderSeries(series, before) {
    const net = series.buckets.map(bucket => Number(bucket.net_revenue));
    const lineSeries = [{name: 'This period', values: net}];
    if (before) {
        lineSeries.push({name: COMPARED[series.comparison.compare].replace('the ', 'The '),
            values: before.buckets.map(bucket => Number(bucket.net_revenue))});
    }
    const amount = value => money(value, series.currency, store.currency_fraction_digits);
    draw($('chart-revenue'), lines(series.buckets.map(bucket => bucket.period), lineSeries, amount));
    renderTable($('table-revenue'), 'Net revenue over time', [
        {title: series.interval === 'day' ? 'Day' : series.interval === 'week' ? 'Week' : 'Month',
            value: bucket => bucket.period},
        {title: 'Orders', value: bucket => whole(bucket.orders), numeric: true},
        {title: 'Units', value: bucket => whole(bucket.units_sold), numeric: true},
        {title: 'Gross sales', value: bucket => amount(bucket.gross_sales), numeric: true},
        {title: 'Refunds', value: bucket => amount(bucket.refunds), numeric: true},
        {title: 'Net revenue', value: bucket => amount(bucket.net_revenue), numeric: true},
    ], series.totals.orders === 0 && Number(series.totals.refunds) === 0 ? [] : series.buckets, NO_SALES);
}

async function loadBreakdowns(ticket) {
    const compare = asked.compare ? `&compare=${asked.compare}` : '';
    const [categories, countries] = await Promise.allSettled([
        get(salesPath('revenue_by_category', compare)), get(salesPath('revenue_by_country', compare))]);
    if (ticket !== loading) {
        return;
    }
    if (categories.status === 'fulfilled') {
        renderBreakdown('category', categories.value, row => row.category_name, 'Category');
    } else {
        fail('category', categories.reason);
    }
    if (countries.status === 'fulfilled') {
        renderBreakdown('country', countries.value, row => row.country, 'Country');
        chooseCountries(countries.value);
        await loadTopSellers();
    } else {
        fail('country', countries.reason);
        fail('top', countries.reason);
    }
    if (categories.status === 'rejected' || countries.status === 'rejected') {
        throw categories.reason || countries.reason;
    }
}

function renderBreakdown(kind, rows, name, title) {
    const currency = rows.length ? rows[0].currency : store.currency;
    const amount = value => value === null ? '' : money(value, currency, store.currency_fraction_digits);
    const series = [{name: 'This period', values: rows.map(row => Number(row.total_revenue))}];
    if (asked.compare) {
        series.push({name: COMPARED[asked.compare].replace('the ', 'The '),
            values: rows.map(row => Number(row.previous_total_revenue || 0))});
    }
    draw($(`chart-${kind}`), bars(rows.map(name), series, amount));
    renderTable($(`table-${kind}`), `Net revenue by ${kind}`, [
        {title, value: name},
        {title: 'Orders', value: row => whole(row.orders), numeric: true},
        {title: 'Units', value: row => whole(row.units_sold), numeric: true},
        {title: 'Net revenue', value: row => amount(row.total_revenue), numeric: true},
        ...(asked.compare ? [{title: 'Before', value: row => amount(row.previous_total_revenue), numeric: true},
            {title: 'Change', value: row => row.change_percent === null ? '' : signedPercent(Number(row.change_percent)),
                numeric: true}] : []),
    ], rows, NO_SALES);
}

/** The countries that sold in the period, best first; the choice is kept while it still sold. */
function chooseCountries(countries) {
    const select = $('top-country');
    const kept = select.value;
    select.replaceChildren(...countries.map(row => new Option(row.country, row.country)));
    if (countries.some(row => row.country === kept)) {
        select.value = kept;
    }
}

async function loadTopSellers() {
    const country = $('top-country').value;
    if (!country) {
        draw($('chart-top'), bars([], [], whole));
        renderTable($('table-top'), 'Top sellers', [], [], NO_SALES);
        return;
    }
    const rows = await get(topSellersPath());
    const amount = value => money(value, rows.length ? rows[0].currency : store.currency, store.currency_fraction_digits);
    draw($('chart-top'), bars(rows.map(row => row.name), [{name: `Units sold in ${country}`,
        values: rows.map(row => row.total_sales)}], whole));
    renderTable($('table-top'), `Top sellers in ${country}`, [
        {title: 'Product', value: row => row.name},
        {title: 'SKU', value: row => row.SKU},
        {title: 'Units sold', value: row => whole(row.total_sales), numeric: true},
        {title: 'Net revenue', value: row => amount(row.revenue), numeric: true},
    ], rows, NO_SALES);
}

function topSellersPath() {
    return salesPath('top_selling_products', `&country=${encodeURIComponent($('top-country').value)}&limit=10`
        + (asked.compare ? `&compare=${asked.compare}` : ''));
}

async function csv(button) {
    const compare = asked.compare ? `&compare=${asked.compare}` : '';
    const paths = {
        revenue: salesPath('revenue_over_time', `&interval=${asked.interval}${compare}`),
        category: salesPath('revenue_by_category', compare),
        country: salesPath('revenue_by_country', compare),
        top: topSellersPath(),
    };
    const kind = button.dataset.csv;
    try {
        await downloadCsv(paths[kind], `${kind}_${asked.start}_${asked.end}.csv`);
    } catch (error) {
        notice(`The CSV could not be made: ${error.message}`);
    }
}

function fail(kind, error) {
    $(`table-${kind}`).replaceChildren(message(`This chart could not be drawn: ${error.message}`));
    window.echarts.getInstanceByDom($(`chart-${kind}`))?.clear();
}

function message(text) {
    const paragraph = document.createElement('p');
    paragraph.className = 'error';
    paragraph.setAttribute('role', 'alert');
    paragraph.textContent = text;
    return paragraph;
}

function notice(text) {
    $('notice').textContent = text;
    $('notice').hidden = false;
}
