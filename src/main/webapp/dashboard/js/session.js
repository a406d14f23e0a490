// The login as the API gives it: an access token sent with every call and a one-time refresh token traded for a
// new pair shortly before the access token expires (or at once, when a call answers 401). Kept in this tab only.

const STORAGE = 'dashboard.tokens';
const EARLY_SECONDS = 60;

let pending = null;
let timer = null;
let onEnded = () => {};

export class ApiError extends Error {
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

export function whenEnded(callback) {
    onEnded = callback;
}

export function tokens() {
    const stored = sessionStorage.getItem(STORAGE);
    return stored ? JSON.parse(stored) : null;
}

export function claims() {
    const pair = tokens();
    if (!pair) {
        return null;
    }
    const payload = pair.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0))));
}

export function isAdmin() {
    const who = claims();
    return Boolean(who && (who.groups || []).includes('admin'));
}

export async function login(username, password) {
    const answer = await fetch('/api/token/', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({username, password}),
    });
    if (!answer.ok) {
        throw new ApiError(answer.status, await messageOf(answer));
    }
    keep(await answer.json());
}

export async function logout() {
    const pair = tokens();
    end();
    if (pair) {
        await fetch('/api/token/logout/', {
            method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({refresh: pair.refresh}),
        });
    }
}

/** Resumes a login kept in this tab: schedules its refresh. */
export function resume() {
    if (tokens()) {
        schedule();
        return true;
    }
    return false;
}

/** GET of an API path with the access token, refreshed once if the server no longer takes it. */
export async function get(path, accept = 'application/json') {
    const answer = await call(path, {accept});
    return accept === 'application/json' ? answer.json() : answer.text();
}

/** A page of a list: its rows and X-Total-Count. */
export async function page(path) {
    const answer = await call(path, {});
    return {rows: await answer.json(), total: Number(answer.headers.get('X-Total-Count'))};
}

export async function blob(path, accept) {
    return (await call(path, {accept})).blob();
}

export async function post(path, body, contentType, extraHeaders = {}) {
    return (await call(path, {method: 'POST', body, contentType, extraHeaders})).json();
}

/** Any call with the access token; a 401 trades the refresh token once and tries again. */
export async function call(path, {method = 'GET', accept = 'application/json', body, contentType, extraHeaders = {}}) {
    let answer = await send(path, method, accept, body, contentType, extraHeaders);
    if (answer.status === 401) {
        await refresh();
        answer = await send(path, method, accept, body, contentType, extraHeaders);
    }
    if (!answer.ok) {
        throw new ApiError(answer.status, await messageOf(answer));
    }
    return answer;
}

function send(path, method, accept, body, contentType, extraHeaders) {
    const pair = tokens();
    if (!pair) {
        return Promise.resolve(new Response(null, {status: 401}));
    }
    const headers = {Authorization: `Bearer ${pair.access}`, Accept: accept, ...extraHeaders};
    if (contentType) {
        headers['Content-Type'] = contentType;
    }
    return fetch(path, {method, headers, body});
}

/** One refresh at a time: calls that fail together wait for the same new pair. */
function refresh() {
    if (!pending) {
        pending = trade().finally(() => {
            pending = null;
        });
    }
    return pending;
}

async function trade() {
    const pair = tokens();
    if (!pair) {
        throw ended();
    }
    const answer = await fetch('/api/token/refresh/', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({refresh: pair.refresh}),
    });
    if (!answer.ok) {
        throw ended();
    }
    keep(await answer.json());
}

function keep(pair) {
    sessionStorage.setItem(STORAGE, JSON.stringify({access: pair.access, refresh: pair.refresh}));
    schedule();
}

function schedule() {
    clearTimeout(timer);
    const expires = claims().exp * 1000;
    const wait = Math.max(0, expires - Date.now() - EARLY_SECONDS * 1000);
    timer = setTimeout(() => refresh().catch(() => {}), wait);
}

function end() {
    clearTimeout(timer);
    sessionStorage.removeItem(STORAGE);
}

function ended() {
    end();
    onEnded('Your session has ended. Please log in again.');
    return new ApiError(401, 'Your session has ended. Please log in again.');
}

async function messageOf(answer) {
    try {
        const body = await answer.json();
        return body.message || answer.statusText;
    } catch (notJson) {
        return `${answer.status} ${answer.statusText}`;
    }
}
