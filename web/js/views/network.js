// @ts-check
import { esc } from '../api.js';
import { LEADER_KIND } from '../ui.js';
import { domainRows } from './indicators.js';

/** Above this many people the view shows only the most sought-out ones (an SVG stays legible and fast). */
export const MAX_NODES = 500;

export function networkSection(a, g) {
  const shown = Math.min(g.nodes.length, MAX_NODES);
  const people = [...g.nodes].sort((x, y) => String(x.label).localeCompare(String(y.label)));
  return `<section id="network-section" aria-labelledby="h-network"><h2 id="h-network" tabindex="-1">Network <span class="muted small">${esc(a.relation)} · ${esc(a.domain === 'any' ? 'all domains' : a.domain)}</span></h2>
    <div class="toolbar net-tools">
      <label class="inline" for="colour-by">Colour by <select id="colour-by"><option value="department">department</option><option value="leader">formal / informal leader</option></select></label>
      <label class="inline" for="focus-person">Find a person <select id="focus-person"><option value="">—</option>${people.map((p) => `<option value="${esc(p.id)}">${esc(p.label)}</option>`).join('')}</select></label>
      <label class="inline" for="min-weight">Ties <select id="min-weight"><option value="0">all</option><option value="2">named twice or more</option><option value="3">frequent (3+)</option></select></label>
      <span class="zoom-buttons" role="group" aria-label="Zoom"><button type="button" class="secondary" id="zoom-in" aria-label="Zoom in">+</button><button type="button" class="secondary" id="zoom-out" aria-label="Zoom out">−</button><button type="button" class="secondary" id="zoom-fit">Fit</button></span>
      <span class="muted small" id="net-count">${shown} people · ${g.edges.length} ties</span>
    </div>
    <div id="network-holder" class="network-holder">
      <svg id="network" role="img" aria-label="Network of ${esc(a.relation)} ties: ${shown} people, circles sized by how many colleagues name them"></svg>
      <div id="tooltip" class="tooltip" role="status" hidden></div>
    </div>
    <div class="legend" id="legend" aria-label="Legend"></div>
    <p class="note">Circle size: how many colleagues name the person. Arrows point to the person named. Hover for details; click a person (or use “Find a person”) to highlight their ties — <span class="key-in">named by</span>, <span class="key-out">names</span>; click the background to clear. Scroll or pinch to zoom, drag to pan.
    ${g.nodes.length > MAX_NODES ? `<strong>Showing the ${MAX_NODES} most sought-out of ${g.nodes.length} people</strong>; download GEXF for the whole network.` : ''}</p>
    </section>`;
}

/** Force-directed network (d3-force), laid out before drawing so it does not jiggle; seeded by d3's deterministic start. */
export function drawNetwork(section, graph, a, l) {
  const d3 = window.d3;
  const svgEl = section.querySelector('#network');
  if (!d3) {
    section.querySelector('#network-holder').innerHTML = '<p class="error">The network view needs /vendor/d3.min.js.</p>';
    return;
  }
  const box = svgEl.getBoundingClientRect();
  const width = Math.round(box.width) || 1000,
    height = Math.round(box.height) || 600;
  const svg = d3.select(svgEl).attr('viewBox', [0, 0, width, height]);
  svg.selectAll('*').remove();
  const top = [...graph.nodes].sort((x, y) => y.inDegree - x.inDegree).slice(0, MAX_NODES);
  const nodes = top.map((n) => ({ ...n }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const person = new Map(a.people.map((p) => [p.id, p]));

  // Colours: department (colour-blind-safe palette) or kind of leader.
  const departments = [...new Set(nodes.map((n) => n.department || '(none)'))].sort();
  // Department colours come with the graph (the report's palette rule), so the PDF and this view agree.
  const deptColour = new Map(departments.map((d) => [d, graph.departmentColours?.[d] ?? '#BBBBBB']));
  const { fi, leaders } = domainRows(a, l);
  const leaderIds = new Set(leaders?.leaders ?? []);
  const hidden = new Set((fi?.hiddenLeaders ?? []).map((p) => p.id));
  const nominal = new Set((fi?.nominalLeaders ?? []).map((p) => p.id));
  const kindOf = (id) => (hidden.has(id) ? 'hidden' : leaderIds.has(id) ? 'formal' : nominal.has(id) ? 'nominal' : 'other');
  let colourBy = 'department';
  const fill = (d) =>
    colourBy === 'department' ? (deptColour.get(d.department || '(none)') ?? '#DDDDDD') : LEADER_KIND[kindOf(d.id)].colour;

  const maxIn = d3.max(nodes, (n) => n.inDegree) || 1;
  const radius = (n) => 3.5 + 11 * Math.sqrt(n.inDegree / maxIn);
  const dense = nodes.length > 200;

  const sim = d3
    .forceSimulation(nodes)
    .force(
      'link',
      d3
        .forceLink(links)
        .id((/** @type {any} */ d) => d.id)
        .distance(dense ? 30 : 60)
        .strength(0.2),
    )
    .force(
      'charge',
      d3
        .forceManyBody()
        .strength(dense ? -45 : -150)
        .distanceMax(450),
    )
    .force(
      'collide',
      d3.forceCollide().radius((d) => radius(d) + 1.5),
    )
    .force('x', d3.forceX(width / 2).strength(0.025))
    .force('y', d3.forceY(height / 2).strength(0.07))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  // People without any tie in this selection: a row under the network rather than flung to a corner.
  const linked = new Set(links.flatMap((e) => [e.source.id, e.target.id]));
  const loose = nodes.filter((n) => !linked.has(n.id));
  const core = nodes.filter((n) => linked.has(n.id));
  let looseLabel = null;
  if (loose.length && core.length) {
    const x0 = d3.min(core, (n) => n.x),
      x1 = d3.max(core, (n) => n.x),
      y1 = d3.max(core, (n) => n.y);
    const perRow = Math.max(1, Math.floor((x1 - x0) / 16));
    loose.forEach((n, i) => {
      n.fx = n.x = x0 + (i % perRow) * 16 + 8;
      n.fy = n.y = y1 + 42 + Math.floor(i / perRow) * 16;
    });
    looseLabel = { x: x0, y: y1 + 26, text: `no ${a.relation} ties${a.domain === 'any' ? '' : ` about ${a.domain}`} (${loose.length})` };
  }

  const defs = svg.append('defs');
  for (const [id, colour] of [
    ['arrow', '#98a2b3'],
    ['arrow-in', '#9a4d00'],
    ['arrow-out', '#0b5394'],
  ]) {
    defs
      .append('marker')
      .attr('id', id)
      .attr('viewBox', '0 -4 8 8')
      .attr('refX', 8)
      .attr('markerWidth', 5)
      .attr('markerHeight', 5)
      .attr('orient', 'auto')
      .append('path')
      .attr('d', 'M0,-4L8,0L0,4')
      .attr('fill', colour)
      .attr('fill-opacity', id === 'arrow' ? 0.6 : 1);
  }
  const g = svg.append('g');
  // Labels keep their on-screen size whatever the zoom.
  const zoom = d3
    .zoom()
    .scaleExtent([0.2, 8])
    .on('zoom', (ev) => {
      g.attr('transform', ev.transform);
      g.select('g.labels')
        .style('font-size', `${12 / ev.transform.k}px`)
        .style('stroke-width', `${3 / ev.transform.k}px`);
      g.select('text.group-label').style('font-size', `${12 / ev.transform.k}px`);
    });
  svg.call(zoom).on('dblclick.zoom', null);
  const link = g
    .append('g')
    .attr('class', 'links')
    .selectAll('line')
    .data(links)
    .join('line')
    .attr('class', 'link')
    .attr('stroke-width', (d) => Math.min(3.5, 0.6 + Math.sqrt(d.weight) / 2))
    .attr('marker-end', 'url(#arrow)');
  const node = g
    .append('g')
    .attr('class', 'nodes')
    .selectAll('circle')
    .data(nodes)
    .join('circle')
    .attr('class', 'node')
    .attr('r', radius)
    .attr('fill', fill)
    .attr('data-id', (d) => d.id);
  const labelled = new Set(
    [...nodes]
      .sort((x, y) => y.inDegree - x.inDegree)
      .filter((n) => n.inDegree >= maxIn * 0.45)
      .slice(0, 8)
      .map((n) => n.id),
  );
  if (looseLabel) g.append('text').attr('class', 'group-label shown').attr('x', looseLabel.x).attr('y', looseLabel.y).text(looseLabel.text);
  const label = g
    .append('g')
    .attr('class', 'labels')
    .selectAll('text')
    .data(nodes)
    .join('text')
    .text((d) => d.label)
    .attr('dx', (d) => radius(d) + 3)
    .attr('dy', '0.35em')
    .classed('shown', (d) => labelled.has(d.id));

  const place = () => {
    link.each((d, i, lines) => {
      const line = /** @type {SVGLineElement} */ (lines[i]);
      const dx = d.target.x - d.source.x,
        dy = d.target.y - d.source.y,
        len = Math.hypot(dx, dy) || 1,
        r = radius(d.target) + 1.5;
      line.setAttribute('x1', String(d.source.x));
      line.setAttribute('y1', String(d.source.y));
      line.setAttribute('x2', String(d.target.x - (dx / len) * r));
      line.setAttribute('y2', String(d.target.y - (dy / len) * r));
    });
    node.attr('cx', (d) => d.x).attr('cy', (d) => d.y);
    label.attr('x', (d) => d.x).attr('y', (d) => d.y);
  };
  place();
  sim.on('tick', place);

  const fit = (animate) => {
    const xs = d3.extent(nodes, (n) => n.x),
      ys = d3.extent(nodes, (n) => n.y);
    const w = xs[1] - xs[0] || 1,
      h = ys[1] - ys[0] || 1;
    const k = Math.min(4, 0.9 / Math.max(w / width, h / height));
    const t = d3.zoomIdentity
      .translate(width / 2, height / 2)
      .scale(k)
      .translate(-(xs[0] + xs[1]) / 2, -(ys[0] + ys[1]) / 2);
    (animate ? svg.transition().duration(300) : svg).call(zoom.transform, t);
  };
  fit(false);
  section.querySelector('#zoom-in').addEventListener('click', () => svg.transition().duration(200).call(zoom.scaleBy, 1.4));
  section.querySelector('#zoom-out').addEventListener('click', () =>
    svg
      .transition()
      .duration(200)
      .call(zoom.scaleBy, 1 / 1.4),
  );
  section.querySelector('#zoom-fit').addEventListener('click', () => fit(true));

  // Tooltip.
  const tip = section.querySelector('#tooltip');
  const holder = section.querySelector('#network-holder');
  const describe = (d) => {
    const p = person.get(d.id);
    const kind = kindOf(d.id);
    return `<strong>${esc(d.label)}</strong>${p?.role ? `<br>${esc(p.role)}` : ''}<br>${esc(d.department || 'no department')}<br>named by <b>${d.inDegree}</b> colleague${d.inDegree === 1 ? '' : 's'}${p ? ` · names ${p.outDegree}` : ''}${kind !== 'other' ? `<br><span class="tip-kind">${esc(LEADER_KIND[kind].label)}</span>` : ''}`;
  };
  node
    .on('mouseenter', (ev, d) => {
      tip.innerHTML = describe(d);
      tip.hidden = false;
      const hb = holder.getBoundingClientRect();
      const x = ev.clientX - hb.left,
        y = ev.clientY - hb.top;
      tip.style.left = `${Math.min(x + 14, hb.width - 230)}px`;
      tip.style.top = `${Math.max(4, y - 10)}px`;
    })
    .on('mouseleave', () => {
      tip.hidden = true;
    });

  // Highlight one person's ties.
  const focusSelect = section.querySelector('#focus-person');
  let focused = null;
  let minWeight = 0;
  const highlight = (id) => {
    focused = id && byId.has(id) ? id : null;
    focusSelect.value = focused ?? '';
    svgEl.classList.toggle('focusing', focused !== null);
    if (!focused) {
      link.classed('hl-in', false).classed('hl-out', false).attr('marker-end', 'url(#arrow)');
      node.classed('hl', false).classed('hl-self', false);
      label.classed('shown', (d) => labelled.has(d.id));
      svgEl.dataset.focus = '';
      return;
    }
    const near = new Set([focused]);
    link.each((d) => {
      if (d.weight < minWeight) return;
      if (d.source.id === focused) near.add(d.target.id);
      if (d.target.id === focused) near.add(d.source.id);
    });
    link
      .classed('hl-in', (d) => d.target.id === focused)
      .classed('hl-out', (d) => d.source.id === focused)
      .attr('marker-end', (d) => (d.target.id === focused ? 'url(#arrow-in)' : d.source.id === focused ? 'url(#arrow-out)' : null));
    link.filter((d) => d.target.id === focused || d.source.id === focused).raise();
    node.classed('hl', (d) => near.has(d.id)).classed('hl-self', (d) => d.id === focused);
    const named = new Set([
      focused,
      ...[...near]
        .filter((id) => id !== focused)
        .sort((x, y) => byId.get(y).inDegree - byId.get(x).inDegree)
        .slice(0, 10),
    ]);
    label.classed('shown', (d) => named.has(d.id));
    svgEl.dataset.focus = focused;
    svgEl.dataset.focusTies = String(
      link.filter((d) => d.weight >= minWeight && (d.target.id === focused || d.source.id === focused)).size(),
    );
  };
  node.on('click', (ev, d) => {
    ev.stopPropagation();
    highlight(focused === d.id ? null : d.id);
  });
  svg.on('click', () => highlight(null));
  focusSelect.addEventListener('change', () => highlight(focusSelect.value || null));

  // d3.drag() cannot be given the circles' element type from JavaScript; the handlers read only the datum.
  const drag = /** @type {import('d3').DragBehavior<any, any, any>} */ (d3.drag());
  node.call(
    drag
      .on('start', (ev, d) => {
        if (!ev.active) sim.alphaTarget(0.2).restart();
        d.fx = d.x;
        d.fy = d.y;
      })
      .on('drag', (ev, d) => {
        d.fx = ev.x;
        d.fy = ev.y;
      })
      .on('end', (ev, d) => {
        if (!ev.active) sim.alphaTarget(0);
        d.fx = null;
        d.fy = null;
      }),
  );

  // Legend (click a department to pick its people out).
  const legendEl = section.querySelector('#legend');
  const drawLegend = () => {
    legendEl.innerHTML = '';
    const entries =
      colourBy === 'department'
        ? departments.map((d) => [d, deptColour.get(d), nodes.filter((n) => (n.department || '(none)') === d).length])
        : Object.entries(LEADER_KIND).map(([k, v]) => [v.label, v.colour, nodes.filter((n) => kindOf(n.id) === k).length]);
    for (const [text, colour, count] of entries) {
      const item = document.createElement('span');
      item.className = 'item';
      const sw = document.createElement('span');
      sw.className = 'sw';
      sw.style.background = colour;
      item.append(sw, document.createTextNode(`${text} (${count})`));
      legendEl.append(item);
    }
  };
  drawLegend();
  section.querySelector('#colour-by').addEventListener('change', (e) => {
    colourBy = e.target.value;
    node.attr('fill', fill);
    drawLegend();
  });

  // Hide weaker ties (weight = how often or how strongly a colleague named the person).
  const countEl = section.querySelector('#net-count');
  section.querySelector('#min-weight').addEventListener('change', (e) => {
    const min = Number(e.target.value);
    minWeight = min;
    link.classed('weak', (d) => d.weight < min);
    if (focused) highlight(focused);
    const shown = links.filter((d) => d.weight >= min).length;
    svgEl.dataset.visibleLinks = String(shown);
    countEl.textContent = `${nodes.length} people · ${shown}${shown < links.length ? ` of ${links.length}` : ''} ties`;
  });

  svgEl.dataset.nodes = String(nodes.length);
  svgEl.dataset.links = String(links.length);
  svgEl.dataset.visibleLinks = String(links.length);
  return {
    /** Highlights a person's ties and brings the network into view. */
    show(id) {
      if (!byId.has(id)) return false;
      highlight(id);
      section.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return true;
    },
  };
}
