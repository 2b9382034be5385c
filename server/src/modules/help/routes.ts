import { Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelText, ruleReference, type ReferenceKind, type ReferenceRule, type RuleReference } from '../../../../shared/src';
import { projectRoot } from '../../paths';

/**
 * GET /help/rules: the rule reference (填报说明) as one server-rendered page, generated from the
 * engine's column tables and rule declarations. Public and without script: a clerk opens it from
 * the task pane (in the system browser) or the review pages before signing in, and it says only
 * what the regulations and the engine already say.
 */
export function helpRoutes(): Router {
  const router = Router();
  let page: string | null = null;
  router.get('/help/rules', (_req, res) => {
    page ??= renderRulesPage(ruleReference(), regulationQuotes());
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  });
  router.get('/help/rules.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(ruleReference());
  });
  return router;
}

/** The quoted articles of docs/regulations.md by heading ("004 第七条"); none when the docs are not deployed. */
export function regulationQuotes(file = join(projectRoot(), 'docs', 'regulations.md')): Map<string, string[]> {
  const quotes = new Map<string, string[]>();
  if (!existsSync(file)) return quotes;
  let current: string[] | null = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('### ')) quotes.set(line.slice(4).trim(), (current = []));
    else if (line.startsWith('## ')) current = null;
    else if (current && line.startsWith('> ') && line.length > 2) current.push(line.slice(2));
  }
  return quotes;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A message template with its `{parameters}` marked, so a reader sees what the engine fills in. */
const template = (t: string) => esc(t).replace(/\{(\w+)\}/g, '<var>$1</var>');

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;font-size:14px;color:#242424;background:#fafafa}
header{position:sticky;top:0;z-index:2;display:flex;align-items:center;gap:20px;height:44px;padding:0 24px;background:#0f6cbd;color:#fff}
header h1{font-size:16px;margin:0;font-weight:600}
header nav{display:flex;gap:14px;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}
header a:hover{text-decoration:underline}
main{padding:12px 24px 40px;max-width:1360px}
p.lead{margin:4px 0 12px;color:#424242}
section.kind{margin:18px 0 28px}
h2{font-size:18px;margin:0 0 8px;font-weight:600}
h3{font-size:14px;margin:14px 0 6px;font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff;table-layout:fixed}
th,td{border:1px solid #e0e0e0;padding:5px 8px;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f0f0f0;font-weight:600;position:sticky;top:44px}
col.c1{width:13%}col.c2{width:21%}col.c3{width:12%}col.c4{width:32%}col.c5{width:22%}
.req{color:#c50f1f;font-weight:600}.cond{color:#bc4b09;font-weight:600}.opt{color:#616161}
.syn,.lvl{color:#616161;font-size:12px}
.rules a,ul.sheet-rules a{color:#0f6cbd;text-decoration:none}.rules a{display:block;font-size:13px}
ul.sheet-rules{margin:4px 0;padding-left:20px}
article.rule{background:#fff;border:1px solid #e0e0e0;border-left:4px solid #c50f1f;border-radius:4px;padding:8px 14px;margin:0 0 10px}
article.rule.warning{border-left-color:#f7630c}
article.rule h3{margin:2px 0 4px;display:flex;gap:10px;align-items:baseline}
.badge{font-size:12px;padding:1px 6px;border-radius:8px;color:#fff;background:#c50f1f}.warning .badge{background:#f7630c}
code{font-family:Consolas,monospace;font-size:12px;color:#616161}
dl{display:grid;grid-template-columns:88px 1fr;gap:3px 10px;margin:6px 0}
dt{color:#616161}dd{margin:0}
var{font-style:normal;font-family:Consolas,monospace;font-size:12px;background:#ebf3fc;color:#0f6cbd;padding:0 3px;border-radius:3px}
.fire{color:#c50f1f}.quiet{color:#107c10}
blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid #d1d1d1;color:#424242;font-size:13px;background:#f5f5f5}
details summary{cursor:pointer;color:#0f6cbd}
`;

export function renderRulesPage(ref: RuleReference, quotes: Map<string, string[]> = new Map()): string {
  const rules = new Map(ref.rules.map((r) => [r.id, r]));
  // A clerk reads the rule's title; its id (what the CLI and the API report) is in the tooltip.
  const link = (id: string) => `<a href="#${esc(id)}" title="${esc(id)}">${esc(rules.get(id as ReferenceRule['id'])?.title ?? id)}</a>`;
  const nav = ref.kinds.map((k) => `<a href="#kind-${k.kind}">${esc(k.label)}</a>`).join('') + '<a href="#rules">全部规则</a>';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>填报说明 · 政务数据资源目录</title><style>${STYLE}</style></head>
<body>
<header><h1>填报说明</h1><nav aria-label="表格种类">${nav}</nav></header>
<main>
<p class="lead">每种表格的每一列填什么、何时必填、由哪些规则检查；每条规则的说明、所依据的文件条款和示例。本页由校验引擎 ${esc(ref.engineVersion)} 的规则声明生成，加载项、审核网页和命令行 <code>govcat validate</code> 用的是同一套规则（命令行 <code>govcat rules</code> 输出同样内容）。</p>
${ref.kinds.map((k) => kindSection(k, link)).join('\n')}
<section id="rules"><h2>全部规则（${ref.rules.length} 条）</h2>
${ref.rules.map((r) => ruleArticle(r, quotes)).join('\n')}
</section>
</main></body></html>`;
}

function kindSection(k: ReferenceKind, link: (id: string) => string): string {
  const rows = k.columns.map((c) => {
    const req = c.required.always ? 'req' : c.required.when ? 'cond' : 'opt';
    const values = c.values ? `<br>${c.values.map(esc).join('、')}` : '';
    return `<tr data-column="${esc(c.label)}"><td><b>${esc(c.label)}</b>${c.synonyms.length ? `<div class="syn">也可写作：${c.synonyms.map(esc).join('、')}</div>` : ''}</td>`
      + `<td>${esc(c.help ?? '')}</td><td><span class="${req}">${esc(c.required.text)}</span><div class="lvl">${esc(levelText(c.level))}${c.unique ? '，不能重复' : ''}</div></td>`
      + `<td>${esc(c.accepts)}${values}</td><td class="rules">${c.rules.map(link).join('')}</td></tr>`;
  });
  const table = k.columns.length
    ? `<table><colgroup><col class="c1"><col class="c2"><col class="c3"><col class="c4"><col class="c5"></colgroup>
<thead><tr><th>列</th><th>填写说明</th><th>是否必填</th><th>接受的值</th><th>检查此列的规则</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p>数据模板由已通过的目录资源生成：每个信息项一列，按该信息项的数据类型和数据长度校验；身份证号、统一社会信用代码、组织机构代码、行政区划代码、手机号、邮箱按信息项名称另行校验。</p>';
  return `<section class="kind" id="kind-${k.kind}"><h2>${esc(k.label)}</h2>${table}
<h3>整表的规则</h3><ul class="sheet-rules">${k.rules.map((id) => `<li>${link(id)}</li>`).join('')}</ul></section>`;
}

function ruleArticle(r: ReferenceRule, quotes: Map<string, string[]>): string {
  const heading = r.source ? `${r.source.source} ${r.source.article}` : null;
  const quote = heading ? quotes.get(heading) : undefined;
  const source = r.source
    ? `${esc(r.source.title)} ${esc(r.source.article)}${r.standard ? `；${esc(r.standard)}` : ''}${quote?.length ? `<details><summary>原文</summary>${quote.map((q) => `<blockquote>${esc(q)}</blockquote>`).join('')}</details>` : ''}`
    : esc(r.standard ?? 'Excel 或本系统的限制');
  const variants = Object.values(r.variants).map((v) => `<br>${template(v)}`).join('');
  const fire = r.examples.fire;
  return `<article class="rule ${r.severity}" id="${esc(r.id)}"><h3><span class="badge">${r.severity === 'error' ? '错误' : '警告'}</span>${esc(r.title)} <code>${esc(r.id)}</code></h3>
<p>${esc(r.description)}</p><dl>
<dt>提示文字</dt><dd>${template(r.message)}${variants}</dd>
<dt>依据</dt><dd>${source}</dd>
<dt class="fire">触发</dt><dd>${esc(fire.note)}${fire.cell ? `（${esc(fire.cell)}）` : ''}${fire.message ? ` → “${esc(fire.message)}”` : ''}</dd>
<dt class="quiet">通过</dt><dd>${esc(r.examples.quiet.note)}</dd></dl></article>`;
}
