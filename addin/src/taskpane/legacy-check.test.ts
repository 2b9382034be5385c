/**
 * The message for Office that shows add-ins in Internet Explorer 11 or Edge Legacy (volume-licensed
 * Office 2016 and 2019), where the pane cannot run: the script must itself be ES5, and must leave
 * a current webview alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

const source = readFileSync(join(__dirname, '..', '..', 'legacy-check.js'), 'utf8');

function runWith(userAgent: string) {
  const root = { innerHTML: '' };
  const window = { navigator: { userAgent } } as Record<string, unknown>;
  const document = { readyState: 'complete', getElementById: (id: string) => (id === 'root' ? root : null), addEventListener: () => undefined };
  runInNewContext(source, { window, document });
  return { root, window };
}

test('Internet Explorer 11 (Trident) and Edge Legacy get the message in words', () => {
  for (const ua of ['Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041']) {
    const { root, window } = runWith(ua);
    expect(root.innerHTML).toContain('本加载项无法在其中运行');
    expect(root.innerHTML).toContain('上传表格');
    expect(window.govcatLegacyWebview).toBe(true);
  }
});

test('WebView2 (Chromium Edge, "Edg/") and other current browsers are left alone', () => {
  const { root, window } = runWith('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0');
  expect(root.innerHTML).toBe('');
  expect(window.govcatLegacyWebview).toBeUndefined();
});

test('the script is ES5, so Trident can run it', () => {
  // No ES2015 syntax Trident would stop at: block declarations, classes, arrows, templates, spreads, optional chaining.
  expect(source.replace(/\/\/.*$/gm, '')).not.toMatch(/\b(let|const|class)\s|=>|`|\.\.\.|\?\.|\?\?/);
});
