import express from 'express';
import request from 'supertest';
import { formatBytes } from '../xlsx/errors';
import { idleBodyTimeout, jsonBody, MiB, receiveTimeouts } from './body';

test('sizes read as people write them', () => {
  expect([500, 10_240, 16_384, 10_000, MiB, 64 * MiB, 1.5 * MiB].map(formatBytes)).toEqual(['500 字节', '10 KB', '16 KB', '9.8 KB', '1 MB', '64 MB', '1.5 MB']);
});

test('the idle timer stops once the body is in: a slow answer after it is not cut', async () => {
  const app = express();
  app.use(idleBodyTimeout(50));
  app.post('/slow', jsonBody(MiB), (req, res) => {
    // Longer than the idle time, as a large check is.
    setTimeout(() => res.json({ got: req.body }), 300);
  });
  const res = await request(app).post('/slow').send({ a: 1 });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ got: { a: 1 } });
});

test('a whole request may take as long as the largest body needs at 64 KB/s, at least Node’s 5 minutes', () => {
  expect(receiveTimeouts({ jsonBytes: 64 * MiB, uploadBytes: 20 * MiB })).toEqual({ headersTimeout: 60_000, requestTimeout: 1024_000 });
  expect(receiveTimeouts({ jsonBytes: MiB, uploadBytes: MiB }).requestTimeout).toBe(300_000);
});
