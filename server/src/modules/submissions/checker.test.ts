import { catalogueSheet, resource, templateSheet, validResource } from '../../../../shared/src/testing';
import { workbookBytes } from '../../xlsx/write';
import { checkReceived, type Received, type SubmitLimits } from './check-workbook';
import type { CheckTask, WorkerAnswer } from './check-worker';
import { CatalogueCourier } from './checker';

/** A worker as piscina runs it: the module loaded afresh, with state of its own. */
function newWorker(): (task: CheckTask) => Promise<WorkerAnswer> {
  let check!: (task: CheckTask) => Promise<WorkerAnswer>;
  jest.isolateModules(() => {
    check = require('./check-worker').default;
  });
  return check;
}

describe('the approved catalogue crosses to each worker once per version', () => {
  const res = resource();
  const catalogue = [res];
  // A data template for the approved resource, checked against the catalogue the worker holds.
  const body: Received = { format: 'json', bytes: Buffer.from(JSON.stringify({ workbook: { sheets: [templateSheet(res, [['TJ001', '张三', '11010519491231002X', '2020-01-31']])] } })) };
  const limits: SubmitLimits = { rows: 1000, cells: 100000, uncompressedBytes: 10_000_000 };
  const inline = (received: Received, resources: typeof catalogue) => checkReceived(received, resources, limits, 'store');

  test('two workers in turn: each receives the catalogue once, then keeps it; a new version is sent again', async () => {
    const workers = [newWorker(), newWorker()];
    const courier = new CatalogueCourier(2);
    let turn = 0;
    let sent = 0;
    const run = async (task: CheckTask) => {
      if (task.catalogue) sent++;
      return workers[turn++ % 2](task);
    };
    const expected = await inline(body, catalogue);
    expect(expected.ok && expected.workbook.sheetKinds).toEqual(['template']);
    for (let i = 0; i < 6; i++) expect(await courier.check(run, body, { version: 1, resources: catalogue }, limits, 'store')).toEqual(expected);
    expect(sent).toBe(2);
    for (let i = 0; i < 6; i++) await courier.check(run, body, { version: 2, resources: catalogue }, limits, 'store');
    expect(sent).toBe(4);
  });

  test('without the catalogue the template finds no resource: the worker really uses what it holds', async () => {
    const worker = newWorker();
    const run = async (task: CheckTask) => worker(task);
    const courier = new CatalogueCourier(1);
    const withIt = await courier.check(run, body, { version: 7, resources: catalogue }, limits, 'store');
    const without = await courier.check(run, body, { version: 8, resources: [] }, limits, 'store');
    expect(withIt).not.toEqual(without);
    expect(without).toEqual(await inline(body, []));
  });

  test('a catalogue sheet needs no approved catalogue and is checked the same either way', async () => {
    const worker = newWorker();
    const catalogueBody: Received = { format: 'json', bytes: Buffer.from(JSON.stringify({ workbook: { sheets: [catalogueSheet([validResource()])] } })) };
    const answer = await new CatalogueCourier(1).check(async (task) => worker(task), catalogueBody, { version: 1, resources: catalogue }, limits, 'store');
    expect(answer).toEqual(await inline(catalogueBody, []));
  });

  test('an upload is read on the worker too; a broken file comes back as the refusal the client sees', async () => {
    const worker = newWorker();
    const courier = new CatalogueCourier(1);
    const run = async (task: CheckTask) => worker(task);
    const grid = { sheets: [templateSheet(res, [['TJ001', '张三', '11010519491231002X', '2020-01-31']])] };
    const upload: Received = { format: 'xlsx', bytes: await workbookBytes(grid) };
    const stored = await courier.check(run, upload, { version: 1, resources: catalogue }, limits, 'store');
    expect(stored).toEqual(await inline(upload, catalogue));
    expect(stored.ok && stored.workbook.sheetKinds).toEqual(['template']);
    expect(stored.ok && stored.workbook.gridDeflated).toBeInstanceOf(Uint8Array);
    const shown = await courier.check(run, upload, { version: 1, resources: catalogue }, limits, 'index');
    expect(shown.ok && shown.workbook.index?.sheets[0].rowCount).toBe(grid.sheets[0].rows.length);
    expect(stored.ok && stored.workbook.index).toBeNull();
    const broken = await courier.check(run, { format: 'xlsx', bytes: Buffer.from('PK\u0003\u0004 not really a zip') }, { version: 1, resources: catalogue }, limits, 'store');
    expect(broken).toMatchObject({ ok: false, error: { status: 422, code: expect.stringMatching(/^workbook-/) } });
  });
});
