// @ts-check
import { esc } from '../api.js';
import { LARGEST_DRAWN } from '../net/view.js';

export { drawNetwork } from '../net/view.js';

const opt = (value, text) => `<option value="${esc(value)}">${esc(text)}</option>`;

/**
 * The network section: find a person, the view (whole network, one person's ties, departments),
 * colouring, filters that hide (never move) people, zoom, image download, the canvas and its legend.
 * Everyone is drawn up to 5,000 people; above that the departments are (and one person's ties on demand).
 */
export function networkSection(a, g) {
  const named = a.disclosure === 'named';
  const departments = [...new Set(g.nodes.map((n) => n.department || '(none)'))].sort((x, y) => x.localeCompare(y, 'en'));
  const roles = named ? [...new Set(a.people.map((p) => p.role).filter(Boolean))].sort((x, y) => x.localeCompare(y, 'en')) : [];
  const large = g.nodes.length > LARGEST_DRAWN;
  const facts = named ? rosterChoices(a.people) : [];
  return `<section id="network-section" aria-labelledby="h-network"><h2 id="h-network" tabindex="-1">Network <span class="muted small">${esc(a.relation)} · ${esc(a.domain === 'any' ? 'all domains' : a.domain)}</span></h2>
    <div class="net-controls">
      <div class="toolbar net-tools">
        <div class="combo"><label for="find-person">Find a person</label>
          <input id="find-person" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="find-person-list" autocomplete="off" spellcheck="false" placeholder="${named ? 'type a name' : 'type a pseudonym'}">
          <ul id="find-person-list" role="listbox" aria-label="People of this wave" hidden></ul></div>
        <label class="inline" for="net-mode">View <select id="net-mode">
          <option value="whole"${large ? ' disabled' : ''}>whole network${large ? ` (over ${LARGEST_DRAWN.toLocaleString('en-US')} people)` : ''}</option>
          <option value="ego">one person and their ties</option>
          <option value="departments"${large ? ' selected' : ''}>departments</option></select></label>
        <label class="inline" for="ego-steps">Steps <select id="ego-steps">${opt('1', '1 step')}${opt('2', '2 steps')}</select></label>
        <label class="inline" for="colour-by">Colour by <select id="colour-by">${opt('department', 'department')}${opt('leader', 'formal / informal leader')}${opt('community', 'community (Louvain)')}</select></label>
      </div>
      <div class="toolbar net-filters" role="group" aria-label="Show only">
        <label class="inline" for="filter-department">Department <select id="filter-department">${opt('', 'all')}${departments.map((d) => opt(d, d)).join('')}</select></label>
        ${roles.length ? `<label class="inline" for="filter-role">Role <select id="filter-role">${opt('', 'all')}${roles.map((r) => opt(r, r)).join('')}</select></label>` : ''}
        ${facts.length ? `<label class="inline" for="filter-roster">Roster attribute <select id="filter-roster">${opt('', 'any')}${facts.map(([k, values]) => `<optgroup label="${esc(k)}">${values.map((v) => opt(JSON.stringify([k, v]), `${k}: ${v}`)).join('')}</optgroup>`).join('')}</select></label>` : ''}
        <label class="inline" for="filter-kind">Leader kind <select id="filter-kind">${opt('', 'all')}${opt('hidden', 'informal leaders')}${opt('formal', 'formal leaders, sought out')}${opt('nominal', 'formal role, rarely sought out')}${opt('other', 'everyone else')}</select></label>
        <label class="inline" for="min-weight">Ties <select id="min-weight">${opt('0', 'all')}${opt('2', 'named twice or more')}${opt('3', 'frequent (3+)')}</select></label>
      </div>
      <div class="toolbar net-actions">
        <span class="zoom-buttons" role="group" aria-label="Zoom"><button type="button" class="secondary" id="zoom-in" aria-label="Zoom in">+</button><button type="button" class="secondary" id="zoom-out" aria-label="Zoom out">−</button><button type="button" class="secondary" id="zoom-fit">Fit</button></span>
        <label class="inline" for="image-format">Image <select id="image-format">${opt('png', 'PNG')}${opt('svg', 'SVG')}</select></label>
        <button type="button" class="secondary" id="download-image">Download image</button>
        <button type="button" class="link" data-target="people-section">Everyone as a table</button>
        <span class="muted small" id="net-count" aria-live="polite"></span>
      </div>
    </div>
    <div id="network-holder" class="network-holder">
      <canvas id="network" role="img" tabindex="0" aria-label="Network of ${esc(a.relation)} ties: laying out ${g.nodes.length.toLocaleString('en-US')} people"></canvas>
      <p id="net-status" class="net-status muted" role="status">Laying out ${g.nodes.length.toLocaleString('en-US')} people…</p>
      <div id="tooltip" class="tooltip" hidden></div>
    </div>
    <div class="legend" id="legend" role="group" aria-label="Legend: press a group to show only it"></div>
    <p class="note">Circle size: how many colleagues name the person. Arrows point to the person named. Hover for details; click a person (or use “Find a person”) to highlight their ties — <span class="key-in">named by</span>, <span class="key-out">names</span>; click the background or press Escape to clear. Scroll or pinch to zoom, drag the background to pan, drag a person to move them (kept for this wave). With the drawing focused: arrow keys pan, + and − zoom, 0 fits. Filters and the legend hide people; nobody moves. The people table below lists everyone with the same measures.</p>
    </section>`;
}

/**
 * The roster facts worth filtering by (named edition only: the API sends none to viewers), each with its
 * values: facts with 2 to 40 distinct values, values sorted (numbers as numbers).
 * @param {Array<{ roster?: Record<string, string | number | boolean> }>} people
 * @returns {Array<[string, string[]]>}
 */
export function rosterChoices(people) {
  /** @type {Map<string, Set<string>>} */
  const seen = new Map();
  for (const p of people)
    for (const [k, v] of Object.entries(p.roster ?? {})) {
      if (!seen.has(k)) seen.set(k, new Set());
      /** @type {Set<string>} */ (seen.get(k)).add(String(v));
    }
  const byValue = (x, y) => (Number.isFinite(Number(x)) && Number.isFinite(Number(y)) ? Number(x) - Number(y) : x.localeCompare(y, 'en'));
  return [...seen]
    .filter(([, values]) => values.size >= 2 && values.size <= 40)
    .map(([k, values]) => /** @type {[string, string[]]} */ ([k, [...values].sort(byValue)]));
}
