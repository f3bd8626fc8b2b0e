/** Renders a brief as Markdown, HTML (all article text escaped) or JSON. */
import type { Brief, BriefFormat, BriefSentence, Citation } from './types.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Markdown-significant characters in article text are escaped so a sentence cannot inject links or markup. */
function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function cite(c: Citation): string {
  return `${c.articleId}¶${c.paragraph + 1}`;
}

function mdItem(s: BriefSentence): string {
  const label = s.label ? `**${escapeMd(s.label)}** — ` : '';
  return `- ${label}${escapeMd(s.text)} [${s.citations.map(cite).join('; ')}]`;
}

function toMarkdown(b: Brief): string {
  const lines: string[] = [];
  lines.push(`# ${b.headline ? `${escapeMd(b.headline.text)} [${b.headline.citations.map(cite).join('; ')}]` : `Brief ${escapeMd(b.id)}`}`, '');
  if (b.since) lines.push(`_New since ${escapeMd(b.since)}._`, '');
  for (const s of b.sections) {
    lines.push(`## ${s.title}`, '');
    if (s.items.length === 0) lines.push('_Nothing to report._');
    for (const item of s.items) lines.push(mdItem(item));
    lines.push('');
  }
  if (b.coverage.length) {
    lines.push('| Outlet | Articles | First | Last |', '|---|---|---|---|');
    for (const c of b.coverage) lines.push(`| ${escapeMd(c.outlet)} | ${c.articles} | ${c.first ?? '—'} | ${c.last ?? '—'} |`);
    lines.push('');
  }
  if (b.notes.length) {
    lines.push('## Notes', '');
    for (const n of b.notes) lines.push(`- ${escapeMd(n)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function htmlItem(s: BriefSentence): string {
  const label = s.label ? `<strong>${escapeHtml(s.label)}</strong> — ` : '';
  const cites = s.citations
    .map((c) => `<cite data-article="${escapeHtml(c.articleId)}" data-paragraph="${c.paragraph}">${escapeHtml(cite(c))}</cite>`)
    .join('; ');
  return `<li>${label}${escapeHtml(s.text)} <span class="cite">[${cites}]</span></li>`;
}

function toHtml(b: Brief): string {
  const parts: string[] = ['<article class="storyline-brief">'];
  parts.push(
    `<h1>${b.headline ? `${escapeHtml(b.headline.text)} <span class="cite">[${b.headline.citations.map((c) => escapeHtml(cite(c))).join('; ')}]</span>` : `Brief ${escapeHtml(b.id)}`}</h1>`,
  );
  if (b.since) parts.push(`<p class="since">New since ${escapeHtml(b.since)}.</p>`);
  for (const s of b.sections) {
    parts.push(`<section data-key="${s.key}"><h2>${escapeHtml(s.title)}</h2>`);
    parts.push(s.items.length ? `<ul>${s.items.map(htmlItem).join('')}</ul>` : '<p><em>Nothing to report.</em></p>');
    parts.push('</section>');
  }
  if (b.coverage.length) {
    parts.push('<table class="coverage"><thead><tr><th>Outlet</th><th>Articles</th><th>First</th><th>Last</th></tr></thead><tbody>');
    for (const c of b.coverage)
      parts.push(`<tr><td>${escapeHtml(c.outlet)}</td><td>${c.articles}</td><td>${escapeHtml(c.first ?? '—')}</td><td>${escapeHtml(c.last ?? '—')}</td></tr>`);
    parts.push('</tbody></table>');
  }
  if (b.notes.length) parts.push(`<ul class="notes">${b.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  parts.push('</article>');
  return parts.join('\n');
}

export function renderBrief(brief: Brief, format: BriefFormat): string {
  if (format === 'json') return JSON.stringify(brief, null, 2);
  if (format === 'html') return toHtml(brief);
  return toMarkdown(brief);
}
