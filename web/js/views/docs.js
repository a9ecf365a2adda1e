// @ts-check
import { esc } from '../api.js';
import { markdownHtml } from '../markdown.js';

/** The user documentation served with the app (the server's DOC_PAGES): name → title. */
const PAGES = [
  ['data-formats', 'Data formats'],
  ['surveys', 'Survey exports'],
  ['metrics', 'Measures'],
  ['report', 'The report'],
];

/** A page of the documentation (docs/<page>.md), with links between the pages kept inside the app. */
export async function renderDocs(root, { page, stale }) {
  const known = PAGES.find(([p]) => p === page) ?? PAGES[0];
  document.title = `${known[1]} · Help · leadmap`;
  const res = await fetch(`/docs/${encodeURIComponent(known[0])}.md`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`the help page could not be loaded (${res.status})`);
  const md = await res.text();
  if (stale()) return;
  const link = (href) => {
    const m = /^(?:\.\/|docs\/)?([a-z-]+)\.md(#.*)?$/.exec(href);
    if (m && PAGES.some(([p]) => p === m[1])) return `#/docs/${m[1]}`;
    return /^https:\/\//.test(href) ? href : null;
  };
  root.innerHTML = `<nav class="doc-pages" aria-label="Help pages">${PAGES.map(([p, t]) =>
    p === known[0] ? `<span aria-current="page">${esc(t)}</span>` : `<a href="#/docs/${p}">${esc(t)}</a>`,
  ).join('')}</nav>
    <article class="card doc">${markdownHtml(md, link)}</article>`;
}
