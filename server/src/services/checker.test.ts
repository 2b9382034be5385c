import { catalogueSheet, resource, templateSheet, validResource } from '../../../shared/src/testing';
import { checkJsonSubmission } from './check-workbook';
import type { CheckTask, WorkerAnswer } from './check-worker';
import { CatalogueCourier } from './checker';

/** A worker as piscina runs it: the module loaded afresh, with state of its own. */
function newWorker(): (task: CheckTask) => WorkerAnswer {
  let check!: (task: CheckTask) => WorkerAnswer;
  jest.isolateModules(() => {
    check = require('./check-worker').default;
  });
  return check;
}

describe('the approved catalogue crosses to each worker once per version', () => {
  const res = resource();
  const catalogue = [res];
  // A data template for the approved resource, checked against the catalogue the worker holds.
  const body = Buffer.from(JSON.stringify({ workbook: { sheets: [templateSheet(res, [['TJ001', '张三', '11010519491231002X', '2020-01-31']])] } }));
  const limits = { rows: 1000, cells: 100000 };

  test('two workers in turn: each receives the catalogue once, then keeps it; a new version is sent again', async () => {
    const workers = [newWorker(), newWorker()];
    const courier = new CatalogueCourier(2);
    let turn = 0;
    let sent = 0;
    const run = async (task: CheckTask) => {
      if (task.catalogue) sent++;
      return workers[turn++ % 2](task);
    };
    const expected = checkJsonSubmission(body, catalogue, limits);
    expect(expected.ok && expected.workbook.sheetKinds).toEqual(['template']);
    for (let i = 0; i < 6; i++) expect(await courier.check(run, body, { version: 1, resources: catalogue }, limits)).toEqual(expected);
    expect(sent).toBe(2);
    for (let i = 0; i < 6; i++) await courier.check(run, body, { version: 2, resources: catalogue }, limits);
    expect(sent).toBe(4);
  });

  test('without the catalogue the template finds no resource: the worker really uses what it holds', async () => {
    const worker = newWorker();
    const run = async (task: CheckTask) => worker(task);
    const courier = new CatalogueCourier(1);
    const withIt = await courier.check(run, body, { version: 7, resources: catalogue }, limits);
    const without = await courier.check(run, body, { version: 8, resources: [] }, limits);
    expect(withIt).not.toEqual(without);
    expect(without).toEqual(checkJsonSubmission(body, [], limits));
  });

  test('a catalogue sheet needs no approved catalogue and is checked the same either way', async () => {
    const worker = newWorker();
    const catalogueBody = Buffer.from(JSON.stringify({ workbook: { sheets: [catalogueSheet([validResource()])] } }));
    const answer = await new CatalogueCourier(1).check(async (task) => worker(task), catalogueBody, { version: 1, resources: catalogue }, limits);
    expect(answer).toEqual(checkJsonSubmission(catalogueBody, [], limits));
  });
});
