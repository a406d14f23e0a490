// Customers: churn by both definitions, the customers report with its filters and pages, and one customer's page
// with their lifetime value, orders, refunds and what to recommend to them.

import {get, page} from './session.js';
import {money, storeDay, whole} from './format.js';
import {renderTable} from './tables.js';

const PAGE_SIZE = 50;
const $ = id => document.getElementById(id);
let store = null;
let offset = 0;
let wired = false;

export async function showCustomers(storeFacts) {
    store = storeFacts;
    if (!wired) {
        wire();
    }
    $('customers').hidden = false;
    $('customers').dataset.state = 'loading';
    const parts = await Promise.allSettled([loadChurn(), loadReport()]);
    $('customers').dataset.state = parts.every(part => part.status === 'fulfilled') ? 'ready' : 'error';
}

function wire() {
    wired = true;
    $('customer-filters').addEventListener('submit', event => {
        event.preventDefault();
        offset = 0;
        reload(loadReport);
    });
    $('c-previous').addEventListener('click', () => {
        offset = Math.max(0, offset - PAGE_SIZE);
        reload(loadReport);
    });
    $('c-next').addEventListener('click', () => {
        offset += PAGE_SIZE;
        reload(loadReport);
    });
    $('churn-days').addEventListener('change', () => reload(loadChurn));
}

async function reload(part) {
    $('customers').dataset.state = 'loading';
    try {
        await part();
        $('customers').dataset.state = 'ready';
    } catch (error) {
        $('customers').dataset.state = 'error';
    }
}

async function loadChurn() {
    const days = $('churn-days').value || 30;
    try {
        const [inactive, cohort] = await Promise.all(['inactive', 'cohort'].map(definition =>
            get(`/api/analytics/sales/?type=churn_rate&definition=${definition}&period_days=${days}`)));
        $('churn').replaceChildren(churnTile('inactive', `No order in the last ${days} days`, inactive),
            churnTile('cohort', `Ordered in the ${days} days before, not since`, cohort));
    } catch (error) {
        $('churn').replaceChildren(problem(error));
        throw error;
    }
}

function churnTile(key, label, churn) {
    const tile = document.createElement('div');
    tile.className = 'tile';
    tile.dataset.key = key;
    tile.dataset.value = churn.churn_rate;
    const title = document.createElement('h3');
    title.textContent = label;
    const figure = document.createElement('p');
    figure.className = 'value';
    figure.textContent = `${(churn.churn_rate * 100).toFixed(1)} %`;
    const counts = document.createElement('p');
    counts.className = 'change';
    counts.textContent = `${whole(churn.churned)} of ${whole(churn.customers)} customers`;
    tile.append(title, figure, counts);
    return tile;
}

async function loadReport() {
    const query = new URLSearchParams();
    for (const field of $('customer-filters').elements) {
        if (field.name && field.value.trim()) {
            query.set(field.name, field.value.trim());
        }
    }
    query.set('limit', PAGE_SIZE);
    query.set('offset', offset);
    try {
        const {rows, total} = await page(`/api/analytics/customers/?${query}`);
        const amount = value => money(value, store.currency, store.currency_fraction_digits);
        renderTable($('table-customers'), 'Customers by lifetime value', [
            {title: 'Customer', value: row => row.name, link: row => `#customer/${row.id}`},
            {title: 'Country', value: row => row.country},
            {title: 'Orders', value: row => whole(row.orders), numeric: true},
            {title: 'Lifetime value', value: row => amount(row.spend), numeric: true},
            {title: 'Average order', value: row => row.average_order_value === null ? '' : amount(row.average_order_value),
                numeric: true},
            {title: 'Last order', value: row => row.last_order_date ? day(row.last_order_date) : ''},
        ], rows, 'No customer matches these filters. Widen them, or clear them to see everyone.');
        $('c-position').textContent = total === 0 ? '' : `${whole(offset + 1)}–${whole(offset + rows.length)} of ${whole(total)}`;
        $('c-previous').disabled = offset === 0;
        $('c-next').disabled = offset + rows.length >= total;
    } catch (error) {
        $('table-customers').replaceChildren(problem(error));
        throw error;
    }
}

export async function showCustomer(storeFacts, id) {
    store = storeFacts;
    const section = $('customer');
    section.hidden = false;
    section.dataset.state = 'loading';
    const amount = value => money(value, store.currency, store.currency_fraction_digits);
    const parts = await Promise.allSettled([
        loadPerson(id, amount), loadOrders(id, amount), loadRecommendations(id, amount)]);
    section.dataset.state = parts.every(part => part.status === 'fulfilled') ? 'ready' : 'error';
}

async function loadPerson(id, amount) {
    try {
        const [customer, clv] = await Promise.all([get(`/api/customers/${id}/`), get(`/api/customer/${id}/clv/`)]);
        $('customer-title').textContent = customer.name;
        $('customer-facts').textContent = `${customer.email} · ${customer.country} · registered `
            + day(customer.registration_date);
        const tiles = [
            ['lifetime_value', 'Lifetime value', amount(clv.lifetime_value)],
            ['orders', 'Orders', whole(clv.orders)],
            ['average_order_value', 'Average order', amount(clv.average_order_value)],
            ['gross_spend', 'Gross spend', amount(clv.gross_spend)],
            ['refunds', 'Refunds', amount(clv.refunds)],
            ['last_order_date', 'Last order', clv.last_order_date ? day(clv.last_order_date) : 'none yet'],
        ];
        $('clv').replaceChildren(...tiles.map(([key, label, text]) => {
            const tile = document.createElement('div');
            tile.className = 'tile';
            tile.dataset.key = key;
            tile.dataset.value = clv[key] ?? '';
            const title = document.createElement('h3');
            title.textContent = label;
            const figure = document.createElement('p');
            figure.className = 'value';
            figure.textContent = text;
            tile.append(title, figure);
            return tile;
        }));
    } catch (error) {
        $('customer-title').textContent = 'Customer';
        $('clv').replaceChildren(problem(error));
        throw error;
    }
}

async function loadOrders(id, amount) {
    try {
        const {rows} = await page(`/api/orders/?customer=${id}&ordering=-order_date&limit=20`);
        renderTable($('table-orders'), 'Their latest orders', [
            {title: 'Order', value: order => `#${order.id}`},
            {title: 'Date', value: order => day(order.order_date)},
            {title: 'Status', value: order => order.status},
            {title: 'Lines', value: order => whole(order.items.length), numeric: true},
            {title: 'Total', value: order => amount(order.total_amount), numeric: true},
        ], rows, 'No orders yet.');
        const refunds = (await Promise.all(rows.map(order => get(`/api/orders/${order.id}/refunds/`)))).flat();
        renderTable($('table-refunds'), 'Refunds of these orders', [
            {title: 'Order', value: refund => `#${refund.order}`},
            {title: 'Date', value: refund => day(refund.refund_date)},
            {title: 'Amount', value: refund => amount(refund.amount), numeric: true},
            {title: 'Reason', value: refund => refund.reason || '', text: true},
        ], refunds, 'No refunds on these orders.');
    } catch (error) {
        $('table-orders').replaceChildren(problem(error));
        throw error;
    }
}

async function loadRecommendations(id, amount) {
    try {
        const products = await get(`/api/recommendations/${id}/?limit=5`);
        renderTable($('table-recommended'), 'Products to recommend, with why', [
            {title: 'Product', value: product => product.name},
            {title: 'Category', value: product => product.category_name},
            {title: 'Price', value: product => amount(product.price), numeric: true},
            {title: 'Why', value: product => product.reason, text: true},
        ], products, 'Nothing to recommend yet: the model learns from orders.');
    } catch (error) {
        $('table-recommended').replaceChildren(problem(error));
        throw error;
    }
}

/** Dates as the store's calendar counts them, whatever the browser's time zone. */
function day(instant) {
    return storeDay(instant, store.time_zone);
}

function problem(error) {
    const paragraph = document.createElement('p');
    paragraph.className = 'error';
    paragraph.setAttribute('role', 'alert');
    paragraph.textContent = error.status === 404 ? 'There is no such customer.' : `Could not be read: ${error.message}`;
    return paragraph;
}
