// The dashboard's pages over the public API: log in, then the page the address names (#overview, #customers,
// #customer/{id}, #reports).

import * as session from './session.js';
import {showOverview} from './overview.js';
import {showCustomer, showCustomers} from './customers.js';
import {showReports} from './reports.js';

const PAGES = ['overview', 'customers', 'customer', 'reports'];
const $ = id => document.getElementById(id);
let store = null;

function showLogin(reason) {
    for (const part of [...PAGES, 'nav', 'account']) {
        $(part).hidden = true;
    }
    store = null;
    $('login').hidden = false;
    $('login-error').hidden = !reason;
    $('login-error').textContent = reason || '';
    $('username').focus();
}

async function start() {
    const who = session.claims();
    $('login').hidden = true;
    $('nav').hidden = false;
    $('account').hidden = false;
    $('who').textContent = `${who.upn} (${session.isAdmin() ? 'admin' : 'analyst'})`;
    try {
        store = await session.get('/api/store/');
        await route();
    } catch (error) {
        if (error.status !== 401) {
            $('notice').textContent = `The store could not be read: ${error.message}`;
            $('notice').hidden = false;
        }
    }
}

async function route() {
    if (!store) {
        return;
    }
    const [name, id] = (location.hash.slice(1) || 'overview').split('/');
    const current = PAGES.includes(name) ? name : 'overview';
    for (const part of PAGES) {
        $(part).hidden = true;
    }
    document.querySelectorAll('#nav a').forEach(link => {
        const target = link.getAttribute('href').slice(1);
        if (target === current || (current === 'customer' && target === 'customers')) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    });
    if (current === 'customers') {
        await showCustomers(store);
    } else if (current === 'customer') {
        await showCustomer(store, Number(id));
    } else if (current === 'reports') {
        showReports(store);
    } else {
        await showOverview(store);
    }
}

$('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    const button = event.submitter;
    button.disabled = true;
    try {
        performance.mark('dashboard:login-submitted');
        await session.login($('username').value.trim(), $('password').value);
        performance.mark('dashboard:logged-in');
        $('password').value = '';
        await start();
    } catch (error) {
        showLogin(error.status === 401 ? 'Wrong username or password.' : error.message);
    } finally {
        button.disabled = false;
    }
});

$('logout').addEventListener('click', async () => {
    await session.logout();
    showLogin('You have logged out.');
});

window.addEventListener('hashchange', route);
session.whenEnded(showLogin);

if (session.resume()) {
    start();
} else {
    showLogin();
}
