// A self-contained HTML page over the OpenAPI document: no script, no CDN
// (deployments are often on intranets without internet access).
import { ERROR_CODES } from '../../domain/errors';
import type { OpenApiDocument } from '../http/openapi';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function json(value: unknown): string {
  return `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: unknown }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
}

export function renderDocsPage(doc: OpenApiDocument): string {
  const paths = (doc.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  const byTag = new Map<string, Array<{ method: string; path: string; op: Operation }>>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const ops = [...byTag].map(([tag, list]) => {
    const items = list.map(({ method, path, op }) => {
      const id = `op-${method}-${path.replace(/[^\w]+/g, '-')}`;
      const params = (op.parameters ?? [])
        .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(p.description)}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`)
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><b>${esc(status)}</b> ${esc(r.description)}${Object.entries(r.content ?? {}).map(([ct, c]) => `<details><summary>${esc(ct)}</summary>${json(c.schema)}</details>`).join('')}</li>`)
        .join('');
      return `<section class="op" id="${esc(id)}">
  <h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
  <p>${esc(op.summary)}</p>
  ${op.description ? `<p class="desc">${esc(op.description)}</p>` : ''}
  ${op.security && op.security.length ? '<p class="auth">Bearer token required.</p>' : ''}
  ${params ? `<table><tr><th>name</th><th>in</th><th>required</th><th>description</th><th>schema</th></tr>${params}</table>` : ''}
  ${body ? `<details><summary>Request body (application/json)</summary>${json(body)}</details>` : ''}
  <ul>${responses}</ul>
</section>`;
    });
    return `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>\n${items.join('\n')}`;
  });
  const errors = Object.entries(ERROR_CODES)
    .map(([code, e]) => `<tr id="error-${esc(code)}"><td><code>${esc(code)}</code></td><td>${e.status}</td><td>${esc(e.when)}</td></tr>`)
    .join('');
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, unknown>)
    .map(([name, s]) => `<details id="schema-${esc(name)}"><summary><code>${esc(name)}</code></summary>${json(s)}</details>`)
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.info.title)} — API</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
code,pre{font-family:ui-monospace,monospace}pre{background:#f6f8fa;padding:.6em;overflow:auto;max-height:30em}
.op{border:1px solid #ddd;border-radius:6px;padding:.2em 1em;margin:1em 0}
.m{display:inline-block;min-width:4em;text-align:center;border-radius:4px;color:#fff;padding:0 .4em}
.get{background:#2b7bb9}.post{background:#2e9e5b}.put,.patch{background:#c48b00}.delete{background:#c0392b}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}.desc{white-space:pre-line}
</style></head><body>
<h1>${esc(doc.info.title)} <small>v${esc(doc.info.version)}</small></h1>
<p>${esc(doc.info.description)}</p>
<p>Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}). Log in with <code>POST /api/auth/login</code>, then send <code>Authorization: Bearer &lt;accessToken&gt;</code>.</p>
<nav>${[...byTag.keys()].map((t) => `<a href="#tag-${esc(t)}">${esc(t)}</a>`).join(' · ')} · <a href="#errors">errors</a> · <a href="#schemas">schemas</a></nav>
${ops.join('\n')}
<h2 id="errors">Error codes</h2>
<p>Every failure is <code>application/problem+json</code> with a stable <code>code</code>.</p>
<table><tr><th>code</th><th>status</th><th>when</th></tr>${errors}</table>
<h2 id="schemas">Schemas</h2>
${schemas}
</body></html>`;
}
