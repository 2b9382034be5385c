/**
 * Hostile input, one row each: files, JSON bodies, headers, ids and query strings a careless or
 * malicious client can send. Every row must get its own 4xx with a stable code and a Chinese
 * message (never a stack trace or a 500), and leave the store exactly as it was.
 */
import request from 'supertest';
import ExcelJS from 'exceljs';
import * as CFB from 'cfb';
import type { WorkbookGrid } from '../../shared/src';
import { backends, catalogueBook, expectError, xlsx } from './helpers';
import { deflatedEntry, rezip, unzip, zerosEntry, zip } from '../../server/src/xlsx/test-zip';
import { startHarness, type Harness } from './harness';

type Who = keyof Harness['tokens'];
type Call = (h: Harness, as: (who: Who) => Record<string, string>) => request.Test | Promise<request.Response>;

interface HostileCase {
  name: string;
  call: Call;
  status: number;
  code: string;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const upload = (h: Harness, token: Record<string, string>, file: Buffer, filename = 'a.xlsx', contentType = XLSX_TYPE) =>
  request(h.app).post('/api/submissions').set(token).attach('file', file, { filename, contentType });
const postJson = (h: Harness, token: Record<string, string>, body: unknown, path = '/api/submissions') =>
  request(h.app).post(path).set(token).set('Content-Type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
const sheet = (extra: Record<string, unknown>) => ({ workbook: { sheets: [{ ...catalogueBook().sheets[0], ...extra }] } });

/** A real catalogue workbook with one sheet part replaced by `transform` of its XML. */
async function tampered(transform: (sheetXml: string) => string): Promise<Buffer> {
  const good = await xlsx(catalogueBook());
  const sheetPart = (await unzip(good)).find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
  return rezip(good, { 'xl/worksheets/sheet1.xml': transform(sheetPart.data.toString('utf8')) });
}

function cfbFile(streams: Record<string, Buffer>): Buffer {
  const cfb = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, data);
  return CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

async function plainWorkbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const LONG = 'x'.repeat(32_768);
const grid = (rows: WorkbookGrid['sheets'][0]['rows']) => ({ workbook: { sheets: [{ name: '目录', rows }] } });

const CASES: HostileCase[] = [
  // Files
  { name: 'text pretending to be .xlsx', call: (h, as) => upload(h, as('clerkA'), Buffer.from('name,value\n1,2\n')), status: 422, code: 'workbook-not-xlsx' },
  { name: 'an empty file', call: (h, as) => upload(h, as('clerkA'), Buffer.alloc(0)), status: 422, code: 'workbook-empty' },
  { name: 'a truncated .xlsx', call: async (h, as) => upload(h, as('clerkA'), (await xlsx(catalogueBook())).subarray(0, 900)), status: 422, code: 'workbook-corrupt' },
  { name: 'a password-protected .xlsx', call: (h, as) => upload(h, as('clerkA'), cfbFile({ '/EncryptionInfo': Buffer.alloc(64, 1), '/EncryptedPackage': Buffer.alloc(512, 2) })), status: 422, code: 'workbook-encrypted' },
  { name: 'a corrupt Excel 97-2003 file renamed .xlsx', call: (h, as) => upload(h, as('clerkA'), cfbFile({ '/Workbook': Buffer.alloc(4096, 3) })), status: 422, code: 'workbook-corrupt' },
  { name: 'a .csv upload', call: (h, as) => upload(h, as('clerkA'), Buffer.from('a,b\n'), '目录.csv', 'text/csv'), status: 415, code: 'unsupported-file-type' },
  { name: 'an .xlsx name with a text/html type', call: async (h, as) => upload(h, as('clerkA'), await xlsx(catalogueBook()), 'a.xlsx', 'text/html'), status: 415, code: 'unsupported-file-type' },
  {
    name: 'a zip bomb (150 MiB of zeros in a few KB)',
    call: (h, as) => upload(h, as('clerkA'), zip([deflatedEntry({ name: '[Content_Types].xml', data: '<Types/>' }), deflatedEntry({ name: 'xl/workbook.xml', data: '<workbook/>' }), zerosEntry('xl/worksheets/sheet1.xml', 150)])),
    status: 413,
    code: 'workbook-too-large',
  },
  {
    name: 'an entity-expansion (billion laughs) sheet',
    call: async (h, as) =>
      upload(h, as('clerkA'), await tampered((x) => x.replace('<worksheet', '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet'))),
    status: 422,
    code: 'workbook-corrupt',
  },
  { name: 'a merge bomb A1:XFD2000 in a few KB', call: async (h, as) => upload(h, as('clerkA'), await tampered((x) => x.replace(/<mergeCells[^]*?<\/mergeCells>|(?=<pageMargins)/, '<mergeCells count="1"><mergeCell ref="A1:XFD2000"/></mergeCells>'))), status: 413, code: 'workbook-too-large' },
  { name: 'a row past Excel’s last row', call: async (h, as) => upload(h, as('clerkA'), await tampered((x) => x.replace('</sheetData>', '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))), status: 413, code: 'workbook-too-large' },
  { name: 'a cell longer than Excel allows, in an upload', call: async (h, as) => upload(h, as('clerkA'), await plainWorkbook([['数据资源名称'], [LONG]])), status: 422, code: 'cell-too-long' },
  { name: 'a workbook with nothing to submit', call: async (h, as) => upload(h, as('clerkA'), await plainWorkbook([['年份', '数量'], [2025, 3]])), status: 422, code: 'workbook-unrecognised' },
  { name: 'an upload over the size limit', call: (h, as) => upload(h, as('clerkA'), Buffer.alloc(2_100_000, 1)), status: 413, code: 'file-too-large' },
  { name: 'two files in one form', call: async (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).attach('file', Buffer.from('a'), 'a.xlsx').attach('file', Buffer.from('b'), 'b.xlsx'), status: 400, code: 'too-many-files' },
  { name: 'the file in another field', call: (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).attach('upload', Buffer.from('a'), 'a.xlsx'), status: 400, code: 'unexpected-file' },
  { name: 'a form with no file', call: (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).field('taskId', '1'), status: 400, code: 'file-missing' },
  { name: 'a form field name over 100 bytes', call: (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).field('f'.repeat(200), '1').attach('file', Buffer.from('a'), 'a.xlsx'), status: 400, code: 'field-name-too-long' },
  {
    name: 'eleven text fields',
    call: (h, as) => {
      let r = request(h.app).post('/api/submissions').set(as('clerkA'));
      for (let i = 0; i < 11; i++) r = r.field(`f${i}`, 'x');
      return r.attach('file', Buffer.from('a'), 'a.xlsx');
    },
    status: 400,
    code: 'too-many-fields',
  },
  { name: 'a form task id that is not a number', call: async (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).field('taskId', '1 OR 1=1').attach('file', await xlsx(catalogueBook()), { filename: 'a.xlsx', contentType: XLSX_TYPE }), status: 400, code: 'invalid-id' },

  // JSON bodies
  { name: 'malformed JSON', call: (h, as) => postJson(h, as('clerkA'), '{"workbook": {"sheets": ['), status: 400, code: 'malformed-json' },
  { name: 'a JSON array instead of an object', call: (h, as) => postJson(h, as('clerkA'), [1, 2, 3]), status: 400, code: 'invalid-request' },
  { name: 'a workbook with no sheets', call: (h, as) => postJson(h, as('clerkA'), { workbook: { sheets: [] } }), status: 400, code: 'invalid-request' },
  { name: 'a sheet name over 31 characters', call: (h, as) => postJson(h, as('clerkA'), sheet({ name: '表'.repeat(40) })), status: 400, code: 'invalid-request' },
  { name: 'a cell holding an object', call: (h, as) => postJson(h, as('clerkA'), grid([[{ formula: '=1+1' } as unknown as string]])), status: 400, code: 'invalid-request' },
  { name: 'a number too large for JSON doubles (Infinity)', call: (h, as) => postJson(h, as('clerkA'), '{"workbook":{"sheets":[{"name":"目录","rows":[[1e400]]}]}}'), status: 400, code: 'invalid-request' },
  { name: 'a merge area 200,000,000 columns wide', call: (h, as) => postJson(h, as('clerkA'), sheet({ merges: [{ top: 1, left: 1, bottom: 1, right: 200_000_000 }] })), status: 400, code: 'invalid-request' },
  { name: 'a merge area past Excel’s last row', call: (h, as) => postJson(h, as('clerkA'), sheet({ merges: [{ top: 1, left: 1, bottom: 2_000_000, right: 2 }] })), status: 400, code: 'invalid-request' },
  { name: 'a merge whose bottom is above its top', call: (h, as) => postJson(h, as('clerkA'), sheet({ merges: [{ top: 5, left: 1, bottom: 2, right: 2 }] })), status: 400, code: 'invalid-request' },
  { name: 'a start row past Excel’s last row', call: (h, as) => postJson(h, as('clerkA'), sheet({ startRow: 1_048_577 })), status: 400, code: 'invalid-request' },
  { name: 'a cell longer than Excel allows, in JSON', call: (h, as) => postJson(h, as('clerkA'), sheet({ rows: [...catalogueBook().sheets[0].rows, [LONG]] })), status: 422, code: 'cell-too-long' },
  { name: 'more rows than allowed', call: (h, as) => postJson(h, as('clerkA'), grid(Array.from({ length: 60 }, (_, i) => [i]))), status: 413, code: 'too-many-rows' },
  { name: 'a JSON body over the limit', call: (h, as) => postJson(h, as('clerkA'), grid([['x'.repeat(300_000)]])), status: 413, code: 'payload-too-large' },
  { name: 'a task id given as text', call: (h, as) => postJson(h, as('clerkA'), { taskId: '1 OR 1=1', workbook: catalogueBook() }), status: 400, code: 'invalid-request' },
  { name: 'a task that does not exist', call: (h, as) => postJson(h, as('clerkA'), { taskId: 987654, workbook: catalogueBook() }), status: 404, code: 'not-found' },
  { name: 'prototype keys in the body', call: (h, as) => postJson(h, as('clerkA'), '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}},"workbook":{"sheets":[]}}'), status: 400, code: 'invalid-request' },
  { name: 'a plain-text body', call: (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).set('Content-Type', 'text/plain').send('hello'), status: 400, code: 'unsupported-content-type' },
  { name: 'a body in another character set', call: (h, as) => request(h.app).post('/api/users').set(as('admin')).set('Content-Type', 'application/json; charset=gbk').send('{}'), status: 415, code: 'unsupported-encoding' },
  { name: 'an unknown role for a new user', call: (h, as) => postJson(h, as('admin'), { username: 'x1', displayName: 'x', role: 'root', departmentId: null, password: 'a-long-password-1' }, '/api/users'), status: 400, code: 'invalid-request' },
  { name: 'an impossible due date', call: (h, as) => postJson(h, as('coordinator'), { title: '任务', sheetKinds: ['catalogue'], departmentIds: [h.departments.a], dueDate: '2026-02-30' }, '/api/tasks'), status: 400, code: 'invalid-request' },
  { name: 'a sign-in body over 16 KB', call: (h) => postJson(h, {}, { username: 'clerka', password: 'p'.repeat(20_000) }, '/api/session'), status: 413, code: 'payload-too-large' },
  { name: 'an admin body over 1 MB', call: (h, as) => postJson(h, as('admin'), { name: '部'.repeat(600_000) }, '/api/departments'), status: 413, code: 'payload-too-large' },
  { name: 'a user name given as an object', call: (h) => postJson(h, {}, { username: { $ne: '' }, password: 'x' }, '/api/auth/token'), status: 400, code: 'invalid-request' },

  // Headers
  { name: 'no credentials', call: (h) => request(h.app).post('/api/submissions').send({ workbook: catalogueBook() }), status: 401, code: 'unauthenticated' },
  { name: 'a token that does not exist', call: (h) => request(h.app).post('/api/submissions').set('Authorization', 'Bearer gct_0000000000000000').send({ workbook: catalogueBook() }), status: 401, code: 'unauthenticated' },
  { name: 'a 10 KB bearer token', call: (h) => request(h.app).get('/api/submissions').set('Authorization', `Bearer ${'A'.repeat(10_000)}`), status: 401, code: 'unauthenticated' },
  { name: 'an idempotency key with spaces', call: (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).set('Idempotency-Key', 'not a valid key at all').send({ workbook: catalogueBook() }), status: 400, code: 'invalid-idempotency-key' },
  { name: 'an idempotency key of 300 characters', call: (h, as) => request(h.app).post('/api/submissions').set(as('clerkA')).set('Idempotency-Key', 'k'.repeat(300)).send({ workbook: catalogueBook() }), status: 400, code: 'invalid-idempotency-key' },
  { name: 'a clerk acting as coordinator', call: (h, as) => postJson(h, as('clerkA'), { title: '任务', sheetKinds: ['catalogue'], departmentIds: [h.departments.a], dueDate: '2030-01-10' }, '/api/tasks'), status: 403, code: 'forbidden' },
  { name: 'a coordinator creating users', call: (h, as) => postJson(h, as('coordinator'), { username: 'x2', displayName: 'x', role: 'clerk', departmentId: h.departments.a, password: 'a-long-password-1' }, '/api/users'), status: 403, code: 'forbidden' },

  // Ids
  { name: 'a submission id that is text', call: (h, as) => request(h.app).get('/api/submissions/abc').set(as('clerkA')), status: 400, code: 'invalid-id' },
  { name: 'a negative submission id', call: (h, as) => request(h.app).get('/api/submissions/-1').set(as('clerkA')), status: 400, code: 'invalid-id' },
  { name: 'a submission id of 20 digits', call: (h, as) => request(h.app).get('/api/submissions/99999999999999999999').set(as('clerkA')), status: 400, code: 'invalid-id' },
  { name: 'a submission id in exponent form', call: (h, as) => request(h.app).get('/api/submissions/1e3').set(as('clerkA')), status: 400, code: 'invalid-id' },
  { name: 'another department’s submission', call: (h, as) => request(h.app).get(`/api/submissions/${otherDepartmentSubmission}`).set(as('clerkA')), status: 404, code: 'not-found' },
  { name: 'approving another department’s submission as its lead', call: (h, as) => postJson(h, as('leadA'), {}, `/api/submissions/${otherDepartmentSubmission}/confirm`), status: 404, code: 'not-found' },
  { name: 'a sheet number past the workbook', call: (h, as) => request(h.app).get(`/api/submissions/${otherDepartmentSubmission}/sheets/999/rows`).set(as('clerkB')), status: 404, code: 'not-found' },
  { name: 'a check id with path tricks', call: (h, as) => request(h.app).get('/api/checks/..%2F..%2Fetc%2Fpasswd/sheets/0/rows').set(as('clerkA')), status: 404, code: 'not-found' },
  { name: 'a task id of zero', call: (h, as) => request(h.app).get('/api/tasks/0/board').set(as('coordinator')), status: 400, code: 'invalid-id' },

  // Query strings
  { name: 'an unknown status filter', call: (h, as) => request(h.app).get('/api/submissions?status=deleted').set(as('coordinator')), status: 400, code: 'invalid-request' },
  { name: 'a page of 100,000 submissions', call: (h, as) => request(h.app).get('/api/submissions?limit=100000').set(as('coordinator')), status: 400, code: 'invalid-request' },
  { name: 'a filter given twice', call: (h, as) => request(h.app).get('/api/submissions?taskId=1&taskId=2').set(as('coordinator')), status: 400, code: 'invalid-request' },
  { name: 'SQL in a filter', call: (h, as) => request(h.app).get("/api/submissions?departmentId=1%20OR%201%3D1").set(as('coordinator')), status: 400, code: 'invalid-request' },
  { name: 'a negative row offset', call: (h, as) => request(h.app).get(`/api/submissions/${otherDepartmentSubmission}/sheets/0/rows?offset=-1`).set(as('clerkB')), status: 400, code: 'invalid-request' },
  { name: 'an impossible audit date', call: (h, as) => request(h.app).get('/api/audit?from=2026-13-45').set(as('admin')), status: 400, code: 'invalid-request' },
  { name: 'the audit log as a clerk', call: (h, as) => request(h.app).get('/api/audit').set(as('clerkA')), status: 403, code: 'forbidden' },
];

/** A stored submission of department B, created before the table runs. */
let otherDepartmentSubmission = 0;

describe.each(backends)('hostile input on %s', (backend) => {
  let h: Harness;
  const as = (who: Who) => ({ Authorization: `Bearer ${h.tokens[who]}` });

  /** Everything a refused request might have written. */
  async function stored() {
    const coordinator = { userId: h.users.coordinator, role: 'coordinator' as const, departmentId: null };
    return {
      submissions: (await h.store.submissions.list(coordinator, { limit: 500 })).total,
      users: (await h.store.users.list()).length,
      departments: (await h.store.departments.list()).length,
      tokens: (await h.store.tokens.list()).length,
      tasks: (await h.store.tasks.list(coordinator)).length,
      audit: await h.store.audit.count(),
    };
  }

  beforeAll(async () => {
    h = await startHarness({ UPLOAD_MAX_BYTES: '2000000', JSON_MAX_BYTES: '200000', MAX_ROWS: '50' }, backend);
    const res = await request(h.app).post('/api/submissions').set(as('clerkB')).send({ workbook: catalogueBook() });
    expect(res.status).toBe(201);
    otherDepartmentSubmission = res.body.submission.id;
  });
  afterAll(async () => h.close());

  test('the table holds at least 40 distinct hostile inputs', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await stored();
    const res = await c.call(h, as);
    expectError(res, c.status, c.code);
    expect(await stored()).toEqual(before);
    // The service is still up for everyone else.
    expect((await request(h.app).get('/api/health')).status).toBe(200);
  });
});
