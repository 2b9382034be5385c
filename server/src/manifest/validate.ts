import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { projectRoot } from '../paths';
import { trimChars } from '../../../shared/src/text';

/**
 * Checks a manifest offline: against the Office add-in manifest XSDs (libxml2 compiled to
 * WebAssembly, so a bureau needs no native tools and no internet), then against the rules the
 * schema cannot say — a real GUID, a version Office accepts, HTTPS everywhere, the icons Office
 * asks for, and AppDomains covering the server.
 */
export interface ManifestProblem {
  rule: 'schema' | 'id' | 'version' | 'https' | 'icon' | 'app-domain';
  message: string;
}

// The .xsd files stay in the source tree (tsc copies no data files); the path holds from dist/ too.
const SCHEMA_DIR = join(projectRoot(), 'server', 'src', 'manifest', 'schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

let schemas: Array<{ fileName: string; contents: string }> | null = null;

/** Read once: the server validates on every /manifest.xml check and the files never change. */
function schemaFiles() {
  schemas ??= readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') }));
  return schemas;
}

const text = (xml: string, element: string) => new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml)?.[1]?.trim() ?? null;
const attribute = (xml: string, element: string) => new RegExp(`<${element}\\b[^>]*\\bDefaultValue="([^"]*)"`).exec(xml)?.[1] ?? null;

export async function validateManifest(xml: string): Promise<ManifestProblem[]> {
  const problems: ManifestProblem[] = [];
  const files = schemaFiles();
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: files.filter((f) => f.fileName === MAIN_SCHEMA),
    preload: files.filter((f) => f.fileName !== MAIN_SCHEMA),
  });
  for (const e of result.errors) problems.push({ rule: 'schema', message: `清单不符合 Office 加载项清单的结构（第 ${e.loc?.lineNumber ?? '?'} 行）：${e.message}` });

  const id = text(xml, 'Id');
  if (!id || !GUID.test(id) || /^0{8}-/.test(id)) problems.push({ rule: 'id', message: `Id 应为一个 GUID（如 4b2f6c0e-9d1a-4c37-8f0e-2a5d7b1c9e43），当前为“${id ?? ''}”` });
  const version = text(xml, 'Version');
  if (!version || !VERSION.test(version)) problems.push({ rule: 'version', message: `Version 应写成最多四段数字（如 1.0.0.0），当前为“${version ?? ''}”` });

  const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
  for (const url of new Set(urls)) if (!url.startsWith('https://')) problems.push({ rule: 'https', message: `Office 只从 HTTPS 地址加载加载项，“${url}”不是 HTTPS` });

  const icons = [attribute(xml, 'IconUrl'), attribute(xml, 'HighResolutionIconUrl')];
  const buttonSizes = [...xml.matchAll(/<bt:Image id="[^"]*" DefaultValue="[^"]*icon-(\d+)\.png"/g)].map((m) => Number(m[1]));
  if (icons.some((u) => !u)) problems.push({ rule: 'icon', message: '缺少 IconUrl 或 HighResolutionIconUrl（32 和 64 像素的图标）' });
  for (const size of [16, 32, 80]) if (!buttonSizes.includes(size)) problems.push({ rule: 'icon', message: `功能区按钮缺少 ${size} 像素的图标` });

  const source = attribute(xml, 'SourceLocation');
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => trimChars(m[1].trim(), '/', 'end'));
  if (source && source.startsWith('https://')) {
    const origin = new URL(source).origin;
    if (!domains.includes(origin)) problems.push({ rule: 'app-domain', message: `AppDomains 应包含服务器地址 ${origin}` });
  }
  return problems;
}
