import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bureauAddinId } from '../manifest/bureau-id';
import { buildManifest, DEFAULT_MANIFEST } from '../manifest/build';
import { validateManifest } from '../manifest/validate';
import type { CliIo } from './io';

/**
 * `govcat manifest`: a bureau's own manifest for its server address. The template is written,
 * then office-addin-manifest sets the bureau's id and name and reads the result back, and the
 * file is checked offline before it replaces anything.
 */
export interface ManifestCommandOptions {
  baseUrl: string;
  name: string;
  id?: string;
  version: string;
  out: string;
}

export async function manifestCommand(options: ManifestCommandOptions, io: CliIo): Promise<number> {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    io.stderr(`--base-url 应为服务器地址，如 https://data.example.gov.cn，当前为“${options.baseUrl}”。\n`);
    return 2;
  }
  if (base.protocol !== 'https:') {
    io.stderr('Office 只从 HTTPS 地址加载加载项，--base-url 须以 https:// 开头。\n');
    return 2;
  }
  const id = options.id ?? bureauAddinId(base.href);
  const out = resolve(options.out);
  const draft = join(dirname(out), `.${Date.now()}.manifest.xml`);
  writeFileSync(draft, buildManifest({ ...DEFAULT_MANIFEST, baseUrl: base.href, version: options.version }));
  try {
    // Loaded here, as the only command that needs it (and with require, which follows NODE_PATH).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OfficeAddinManifest } = require('office-addin-manifest') as typeof import('office-addin-manifest');
    await OfficeAddinManifest.modifyManifestFile(draft, id, options.name);
    const info = await OfficeAddinManifest.readManifestFile(draft);
    const problems = await validateManifest(readFileSync(draft, 'utf8'));
    if (problems.length > 0) {
      io.stderr(`生成的清单未通过检查，未写入 ${out}：\n${problems.map((p) => `  - ${p.message}`).join('\n')}\n`);
      return 1;
    }
    renameSync(draft, out);
    io.stdout(`已生成加载项清单：${out}\n  名称：${info.displayName}\n  Id：${info.id}（由服务器地址确定，重新生成时保持不变）\n  版本：${info.version}\n  任务窗格：${base.origin}/addin/taskpane.html\n请把此文件放到共享文件夹或上传到 Microsoft 365 管理中心，分发给各部门。\n`);
    return 0;
  } finally {
    rmSync(draft, { force: true });
  }
}
