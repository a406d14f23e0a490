// The table beneath each chart (what the chart draws, readable and accessible), and its CSV from the API.

import {get} from './session.js';

/** columns: [{title, value: row => text, numeric, text (long: wraps), link: row => href}]; an empty list says what to do instead of drawing nothing. */
export function renderTable(container, caption, columns, rows, emptyText) {
    container.replaceChildren();
    if (rows.length === 0) {
        const empty = document.createElement('p');
        empty.className = 'empty';
        empty.textContent = emptyText;
        container.append(empty);
        return;
    }
    const table = document.createElement('table');
    const title = document.createElement('caption');
    title.textContent = caption;
    const head = document.createElement('tr');
    for (const column of columns) {
        const cell = document.createElement('th');
        cell.scope = 'col';
        cell.textContent = column.title;
        if (column.numeric) {
            cell.className = 'number';
        }
        head.append(cell);
    }
    const body = document.createElement('tbody');
    for (const row of rows) {
        const line = document.createElement('tr');
        for (const column of columns) {
            const cell = document.createElement('td');
            if (column.link) {
                const link = document.createElement('a');
                link.href = column.link(row);
                link.textContent = column.value(row);
                cell.append(link);
            } else {
                cell.textContent = column.value(row);
            }
            if (column.numeric || column.text) {
                cell.className = column.numeric ? 'number' : 'text';
            }
            line.append(cell);
        }
        body.append(line);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    table.append(title, thead, body);
    container.append(table);
}

/** The same question asked for text/csv, saved as a file. */
export async function downloadCsv(path, fileName) {
    save(new Blob([await get(path, 'text/csv')], {type: 'text/csv'}), fileName);
}

export function save(content, fileName) {
    const url = URL.createObjectURL(content);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
