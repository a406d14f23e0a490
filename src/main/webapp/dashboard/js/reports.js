// Reports: the monthly Excel workbook, and (admins only) the CSV import of past sales with its progress and the
// rows it rejected.

import {blob, get, isAdmin, post} from './session.js';
import {whole} from './format.js';
import {renderTable, save} from './tables.js';

const WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const $ = id => document.getElementById(id);
let wired = false;

export function showReports(store) {
    if (!wired) {
        wired = true;
        const [year, month] = store.today.split('-').map(Number);
        const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
        $('export-month').value = last;
        $('export-month').max = store.today.slice(0, 7);
        $('export-form').addEventListener('submit', exportMonth);
        $('import-form').addEventListener('submit', importFile);
    }
    $('import-panel').hidden = !isAdmin();
    $('reports').hidden = false;
}

async function exportMonth(event) {
    event.preventDefault();
    const [year, month] = $('export-month').value.split('-').map(Number);
    $('export-status').textContent = 'Preparing the workbook...';
    try {
        save(await blob(`/api/export-sales/${month}/${year}/`, WORKBOOK), `Sales_Report_${month}_${year}.xlsx`);
        $('export-status').textContent = `Sales_Report_${month}_${year}.xlsx is downloaded.`;
    } catch (error) {
        $('export-status').textContent = `The workbook could not be made: ${error.message}`;
    }
}

async function importFile(event) {
    event.preventDefault();
    const file = $('import-file').files[0];
    if (!file) {
        return;
    }
    const button = event.submitter;
    button.disabled = true;
    $('import-progress').hidden = false;
    $('import-summary').textContent = '';
    $('table-rejections').replaceChildren();
    try {
        const started = await post('/api/import/orders/?async=true', file, 'text/csv',
            {'Content-Disposition': `attachment; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`});
        const run = await follow(started.id);
        await summarise(run);
    } catch (error) {
        $('import-summary').textContent = `The import failed: ${error.message}`;
    } finally {
        button.disabled = false;
    }
}

/** Asks for the import's progress every second until it has ended. */
async function follow(id) {
    for (;;) {
        const run = await get(`/api/imports/${id}/`);
        $('import-bar').value = run.progress ? run.progress.percent_done : 0;
        $('import-phase').textContent = run.progress
            ? `${run.progress.phase}: ${whole(run.progress.rows_read)} rows read` : run.status;
        if (!['receiving', 'writing'].includes(run.status)) {
            return run;
        }
        await new Promise(resolve => setTimeout(resolve, 1000));
    }
}

async function summarise(run) {
    $('import-summary').dataset.status = run.status;
    if (run.status !== 'succeeded') {
        $('import-summary').textContent = `The import ${run.status}: ${run.error || 'nothing was kept'}.`;
        return;
    }
    $('import-summary').textContent = `Imported ${whole(run.orders_created)} orders and ${whole(run.refunds_created)} `
        + `refunds from ${whole(run.rows_read)} rows; ${whole(run.rows_already_imported)} rows were imported before, `
        + `${whole(run.rows_rejected)} rejected.`;
    const rejections = await get(`/api/imports/${run.id}/rejections/`);
    renderTable($('table-rejections'), 'Rejected rows', [
        {title: 'Line', value: row => whole(row.line), numeric: true},
        {title: 'Why', value: row => row.reason, text: true},
        {title: 'Row', value: row => row.row, text: true},
    ], rejections, 'No row was rejected.');
}
