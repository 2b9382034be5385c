/**
 * Request bodies: every limit a client can break is a 4xx naming that route's own limit, and
 * none goes through the 500 log path; and the body budget is fair: a client that declares too
 * much, trickles or stalls, or one user's many large bodies, never hold another department's
 * submission.
 */
import net from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { backends, catalogueBook, expectError, xlsx } from './helpers';
import { startHarness, type Harness } from './harness';

const KiB = 1024;
const MiB = 1024 * KiB;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The start of a form whose file part has begun (boundary `x`), and no more. */
const FILE_PART = `--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\nPK`;

describe.each(backends)('body limits on %s', (backend) => {
  let h: Harness;
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  const form = () => request(h.app).post('/api/submissions').set(as('clerkA'));
  const postJson = (path: string, body: string, headers: Record<string, string> = {}) => request(h.app).post(path).set(headers).set('Content-Type', 'application/json').send(body);

  beforeAll(async () => {
    h = await startHarness({ UPLOAD_MAX_BYTES: String(MiB), JSON_MAX_BYTES: String(256 * KiB) }, backend);
  });
  afterAll(async () => h.close());
  // A client's mistake is answered, never logged as the server's fault.
  afterEach(() => expect(h.logged.splice(0)).toEqual([]));

  test.each([
    ['a field name over 100 bytes', () => form().field('f'.repeat(101), '1').attach('file', Buffer.from('a'), 'a.xlsx'), 400, 'field-name-too-long', '100 字节'],
    [
      'eleven text fields',
      () => {
        let r = form();
        for (let i = 0; i < 11; i++) r = r.field(`f${i}`, 'x');
        return r.attach('file', Buffer.from('a'), 'a.xlsx');
      },
      400,
      'too-many-fields',
      '10 个',
    ],
    [
      'a file and ten fields: too many parts',
      () => {
        let r = form().attach('file', Buffer.from('a'), 'a.xlsx');
        for (let i = 0; i < 10; i++) r = r.field(`f${i}`, 'x');
        return r;
      },
      400,
      'too-many-parts',
      '10 个',
    ],
    ['a field value over 10 KB', () => form().field('taskId', '1'.repeat(11 * KiB)).attach('file', Buffer.from('a'), 'a.xlsx'), 400, 'field-too-long', '10 KB'],
    ['a file over the upload limit', () => form().attach('file', Buffer.alloc(MiB + 1, 1), { filename: 'a.xlsx', contentType: XLSX_TYPE }), 413, 'file-too-large', '1 MB'],
    ['a bracketed field name (the form has none)', () => form().field('taskId[999999999]', '1').attach('file', Buffer.from('a'), 'a.xlsx'), 400, 'invalid-field-name', '方括号'],
    ['a form with no boundary', () => form().set('Content-Type', 'multipart/form-data').send('--x\r\n'), 400, 'malformed-form', '表单'],
    ['a form cut off in the middle', () => form().set('Content-Type', 'multipart/form-data; boundary=x').send(FILE_PART), 400, 'malformed-form', '表单'],
  ])('multipart: %s', async (_name, call, status, code, limit) => {
    const res = await call();
    expectError(res, status, code);
    expect(res.body.error.message).toContain(limit);
  });

  test('each JSON route names its own limit: sign-in and password 16 KB, admin 1 MB, submissions and decisions the JSON limit', async () => {
    const over = (bytes: number) => JSON.stringify({ pad: 'x'.repeat(bytes) });
    const cases: Array<[request.Test, string]> = [
      [postJson('/api/auth/token', over(17 * KiB)), '16 KB'],
      [postJson('/api/session', over(17 * KiB)), '16 KB'],
      [request(h.app).put('/api/me/password').set(as('clerkA')).set('Content-Type', 'application/json').send(over(17 * KiB)), '16 KB'],
      [postJson('/api/departments', over(MiB), as('admin')), '1 MB'],
      [postJson('/api/submissions', over(256 * KiB), as('clerkA')), '256 KB'],
      [postJson('/api/submissions/1/return', over(256 * KiB), as('coordinator')), '256 KB'],
    ];
    for (const [call, limit] of cases) {
      const res = await call;
      expectError(res, 413, 'payload-too-large');
      expect(res.body.error.message).toContain(`（${limit}）`);
    }
    // Within the limits all is as before.
    expect((await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook() })).status).toBe(201);
    const file = await xlsx(catalogueBook());
    expect((await form().attach('file', file, { filename: '目录.xlsx', contentType: XLSX_TYPE })).status).toBe(201);
  });
});

/** The response to a request written by hand on a raw socket: status and JSON body. */
interface RawResponse {
  status: number;
  body: { error?: { code: string; message: string } };
}

/** A POST whose body the test writes itself, byte by byte if it likes. */
class RawPost {
  readonly socket: net.Socket;
  readonly response: Promise<RawResponse>;
  readonly closed: Promise<void>;
  answered: RawResponse | null = null;
  private trickle: NodeJS.Timeout | null = null;

  constructor(port: number, path: string, headers: Record<string, string | number>, start: string) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    const head = Object.entries({ Host: '127.0.0.1', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
    this.socket.write(`POST ${path} HTTP/1.1\r\n${head.join('')}\r\n${start}`);
    let received = Buffer.alloc(0);
    this.response = new Promise((resolve) => {
      this.socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = received.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (received.length < end + 4 + length) return;
        this.answered = { status: Number(head.split(' ')[1]), body: JSON.parse(received.subarray(end + 4, end + 4 + length).toString('utf8')) };
        resolve(this.answered);
      });
    });
  }

  /** Sends one byte every `ms` until ended. */
  startTrickle(ms = 100, byte = ' '): this {
    this.trickle = setInterval(() => this.socket.write(byte), ms);
    return this;
  }

  end(): void {
    if (this.trickle) clearInterval(this.trickle);
    this.socket.destroy();
  }
}

describe.each(backends)('the body budget on %s', (backend) => {
  let h: Harness;
  let server: Server;
  let port: number;
  const opened: RawPost[] = [];
  const bearer = (who: keyof Harness['tokens']) => `Bearer ${h.tokens[who]}`;
  const raw = (who: keyof Harness['tokens'] | null, path: string, type: string, length: number, start: string) => {
    const post = new RawPost(port, path, { ...(who ? { Authorization: bearer(who) } : {}), 'Content-Type': type, 'Content-Length': length }, start);
    opened.push(post);
    return post;
  };
  const rawJson = (who: keyof Harness['tokens'], length: number) => raw(who, '/api/submissions', 'application/json', length, '{"workbook":');
  const rawForm = (who: keyof Harness['tokens'], length: number) => raw(who, '/api/submissions', 'multipart/form-data; boundary=x', length, FILE_PART);
  const submit = (who: keyof Harness['tokens']) => request(server).post('/api/submissions').set('Authorization', bearer(who)).send({ workbook: catalogueBook() });
  const status = async (who: keyof Harness['tokens']) => (await submit(who)).status;

  beforeAll(async () => {
    // A budget of 64 MiB, JSON bodies of at most 8 MiB: each user's share is 16 MiB, two such bodies.
    h = await startHarness({ PENDING_BODY_MB: '64', JSON_MAX_BYTES: String(8 * MiB), UPLOAD_MAX_BYTES: String(MiB), BODY_IDLE_SECONDS: '1' }, backend);
    server = h.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => {
    for (const post of opened.splice(0)) post.end();
    expect(h.logged.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await h.close();
  });

  test('a body declared larger than its route takes gets 413 at once and, trickling on, holds nothing', async () => {
    const upload = rawForm('clerkA', 2 ** 40).startTrickle();
    const answer = await upload.response;
    expect(answer).toMatchObject({ status: 413, body: { error: { code: 'file-too-large', message: expect.stringContaining('（1 MB）') } } });
    const json = rawJson('clerkA', 2 ** 40).startTrickle();
    expect(await json.response).toMatchObject({ status: 413, body: { error: { code: 'payload-too-large', message: expect.stringContaining('（8 MB）') } } });
    // Still trickling, both of them: another department submits as usual.
    expect((await submit('clerkB')).status).toBe(201);
    expect(upload.socket.destroyed || json.socket.destroyed).toBe(false);
  });

  test('eight large bodies from one user, trickling: two are let in, six get 429, and another department still submits', async () => {
    const posts = Array.from({ length: 8 }, () => rawJson('clerkA', 8 * MiB).startTrickle());
    const refused = await new Promise<RawResponse[]>((resolve) => {
      const got: RawResponse[] = [];
      for (const p of posts) void p.response.then((r) => got.push(r) === 6 && resolve(got));
    });
    for (const r of refused) expect(r).toMatchObject({ status: 429, body: { error: { code: 'too-many-pending', message: expect.stringContaining('重试不会重复提交') } } });
    expect((await submit('clerkB')).status).toBe(201);
    // The two let in are still being received, holding clerk A's whole share.
    expect(posts.filter((p) => !p.answered)).toHaveLength(2);
    expect((await submit('clerkA')).status).toBe(429);
    for (const p of posts) p.end();
    await Promise.all(posts.map((p) => p.closed));
    expect(await eventually(() => status('clerkA'), 201)).toBe(201);
  });

  test('a body that stalls gets 408 after the idle timeout, its connection is closed and its room freed', async () => {
    // Clerk A's whole share, stalled; and stalled bodies on an upload and on sign-in.
    const stalled = [rawJson('clerkA', 8 * MiB), rawJson('clerkA', 8 * MiB)];
    const upload = rawForm('clerkB', 100_000);
    const signIn = raw(null, '/api/session', 'application/json', 1000, '{"username":');
    for (const post of [...stalled, upload, signIn]) {
      const answer = await post.response;
      expect(answer).toMatchObject({ status: 408, body: { error: { code: 'body-timeout', message: expect.stringContaining('1 秒') } } });
      await post.closed;
    }
    expect((await submit('clerkA')).status).toBe(201);
  });

  test('a client that goes away halfway through a body is no fault of the server’s: nothing logged, its room freed', async () => {
    // Trickling, so that none of them meets the 1 s idle timeout. Clerk A's share holds two of its
    // three bodies; the third, whichever it is, is refused: then both others are being received.
    const upload = rawForm('clerkB', 100_000).startTrickle();
    const mine = [rawJson('clerkA', 8 * MiB), rawJson('clerkA', 8 * MiB), rawJson('clerkA', 8 * MiB)].map((p) => p.startTrickle());
    expect(await Promise.race(mine.map((p) => p.response))).toMatchObject({ status: 429, body: { error: { code: 'too-many-pending' } } });
    expect(mine.filter((p) => !p.answered)).toHaveLength(2);
    const gone = [upload, ...mine];
    for (const post of gone) post.end();
    expect(await eventually(() => status('clerkA'), 201)).toBe(201);
  });
});

/** `probe` until it gives `want` (a released reservation is seen once the server has handled the close). */
async function eventually<T>(probe: () => Promise<T>, want: T, tries = 250): Promise<T> {
  let got = await probe();
  for (let i = 1; i < tries && got !== want; i++) {
    await new Promise((r) => setTimeout(r, 20));
    got = await probe();
  }
  return got;
}
