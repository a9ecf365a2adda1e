// @ts-check
import { esc } from './api.js';

/**
 * The small part of Markdown the user documentation (docs/*.md) uses, as HTML: headings, paragraphs,
 * lists, tables, fenced code, `code`, **bold**, *emphasis* and links. Every piece of text is escaped
 * first; links to pages that are not in `pages` are shown as their text only.
 * @param {string} md
 * @param {(href: string) => string | null} link where a link goes in the app, or null for none
 * @returns {string}
 */
export function markdownHtml(md, link) {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  let para = [];
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '), link)}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```/.test(line)) {
      flush();
      const code = [];
      while (++i < lines.length && !/^```/.test(lines[i])) code.push(lines[i]);
      out.push(`<pre><code>${esc(code.join('\n'))}</code></pre>`);
      continue;
    }
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      const level = h[1].length;
      out.push(`<h${level}>${inline(h[2], link)}</h${level}>`);
      continue;
    }
    if (/^\|.*\|\s*$/.test(line)) {
      flush();
      const rows = [];
      while (i < lines.length && /^\|.*\|\s*$/.test(lines[i])) rows.push(lines[i++]);
      i--;
      const cells = (r) =>
        r
          .trim()
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((c) => c.trim().replace(/\\\|/g, '|'));
      const [head, sep, ...body] = rows;
      const hasHead = sep !== undefined && /^\|[\s:|-]+\|$/.test(sep.trim());
      const bodyRows = hasHead ? body : rows;
      out.push(
        `<div class="scroll"><table>${
          hasHead
            ? `<thead><tr>${cells(head)
                .map((c) => `<th scope="col">${inline(c, link)}</th>`)
                .join('')}</tr></thead>`
            : ''
        }<tbody>${bodyRows
          .map(
            (r) =>
              `<tr>${cells(r)
                .map((c) => `<td>${inline(c, link)}</td>`)
                .join('')}</tr>`,
          )
          .join('')}</tbody></table></div>`,
      );
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[2]);
      const items = [];
      while (i < lines.length) {
        const m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(lines[i]);
        if (m) items.push(m[3]);
        else if (/^\s+\S/.test(lines[i]) && items.length) items[items.length - 1] += ` ${lines[i].trim()}`;
        else break;
        i++;
      }
      i--;
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((t) => `<li>${inline(t, link)}</li>`).join('')}</${tag}>`);
      continue;
    }
    if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return out.join('\n');
}

/** Inline code, bold, emphasis and links of one line of text (escaped). */
function inline(text, link) {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((p) => {
      if (/^`[^`]*`$/.test(p)) return `<code>${esc(p.slice(1, -1))}</code>`;
      return esc(p)
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, t, href) => {
          const to = link(href.replace(/&amp;/g, '&'));
          return to ? `<a href="${esc(to)}">${t}</a>` : t;
        })
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
    })
    .join('');
}
