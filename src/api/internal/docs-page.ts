/** A readable, script-free HTML page describing the API, rendered from the OpenAPI document. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

interface Param {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

interface Operation {
  summary: string;
  parameters: Param[];
  responses: Record<string, { description: string }>;
  requestBody?: { content: Record<string, unknown> };
  security?: unknown[];
}

function typeOf(s: Record<string, unknown>): string {
  const parts = [String(s.type ?? 'any')];
  if (Array.isArray(s.enum)) parts.push(`one of ${s.enum.join(', ')}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  if (s.maximum !== undefined) parts.push(`max ${String(s.maximum)}`);
  return parts.join('; ');
}

export function docsPage(doc: { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>> }): string {
  const sections: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters.length
        ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Notes</th></tr></thead><tbody>${op.parameters
            .map(
              (p) =>
                `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' (required)' : ''}</td><td>${escapeHtml(p.in)}</td><td>${escapeHtml(typeOf(p.schema))}</td><td>${escapeHtml(p.description ?? '')}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '';
      const body = op.requestBody
        ? `<p>Body: ${Object.keys(op.requestBody.content)
            .map((c) => `<code>${escapeHtml(c)}</code>`)
            .join(' or ')}</p>`
        : '';
      const auth = op.security ? '<p><strong>Needs</strong> <code>Authorization: Bearer &lt;token&gt;</code>.</p>' : '';
      const responses = Object.entries(op.responses)
        .map(([code, r]) => `<li><code>${escapeHtml(code)}</code> ${escapeHtml(r.description)}</li>`)
        .join('');
      const anchor = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      sections.push(
        `<section id="${escapeHtml(anchor)}"><h2><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary)}</p>${auth}${params}${body}<ul>${responses}</ul></section>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(doc.info.title)} API</title><link rel="stylesheet" href="/api/docs.css"></head><body><main><h1>${escapeHtml(doc.info.title)} API <small>${escapeHtml(doc.info.version)}</small></h1><p>${escapeHtml(doc.info.description ?? '')}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> · <a href="/">Web UI</a></p>${sections.join('')}</main></body></html>`;
}

export const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}main{max-width:60rem;margin:0 auto;padding:1rem}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}h2{font-size:1.05rem;overflow-wrap:anywhere}
.method{display:inline-block;min-width:3.5em;background:#1d4ed8;color:#fff;border-radius:3px;padding:0 .3em;font-size:.85em}
table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:start;vertical-align:top}code{overflow-wrap:anywhere}`;
