#!/usr/bin/env node
// `npm run start:https`: the server on https://localhost with office-addin-dev-certs' certificate
// (make it once with `npm run dev-certs`), as Office requires HTTPS even for a development add-in.
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const defaults = require('office-addin-dev-certs/lib/defaults');

if (!existsSync(defaults.localhostCertificatePath) || !existsSync(defaults.localhostKeyPath)) {
  process.stderr.write('还没有开发用的 HTTPS 证书，请先运行 npm run dev-certs。\n');
  process.exit(2);
}
const port = process.env.PORT ?? '3000';
const child = spawn(process.execPath, [join(__dirname, '..', '..', 'dist', 'server', 'src', 'main.js')], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, TLS_CERT_FILE: defaults.localhostCertificatePath, TLS_KEY_FILE: defaults.localhostKeyPath, PUBLIC_URL: process.env.PUBLIC_URL ?? `https://localhost:${port}` },
});
child.on('exit', (code) => process.exit(code ?? 0));
