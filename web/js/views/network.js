// Force-directed network (d3-force). Node size: number of colleagues who name the person;
// colour: department. Layout is seeded (d3's own deterministic initial placement).
export function drawNetwork(svgEl, legendEl, graph) {
  const d3 = window.d3;
  if (!d3) { svgEl.outerHTML = '<p class="error">The network view needs /vendor/d3.min.js.</p>'; return; }
  const box = svgEl.getBoundingClientRect();
  const width = Math.round(box.width) || 1000, height = Math.round(box.height) || 560;
  const svg = d3.select(svgEl).attr('viewBox', [0, 0, width, height]);
  svg.selectAll('*').remove();
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const ids = new Set(nodes.map((n) => n.id));
  const links = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ ...e }));
  const departments = [...new Set(nodes.map((n) => n.department || '(none)'))].sort();
  const colour = d3.scaleOrdinal(departments, d3.schemeTableau10);
  const maxIn = d3.max(nodes, (n) => n.inDegree) || 1;
  const radius = (n) => 4 + 10 * Math.sqrt(n.inDegree / maxIn);

  svg.append('defs').append('marker').attr('id', 'arrow').attr('viewBox', '0 -4 8 8').attr('refX', 8).attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto')
    .append('path').attr('d', 'M0,-4L8,0L0,4').attr('fill', '#98a2b3');
  const g = svg.append('g');
  svg.call(d3.zoom().scaleExtent([0.2, 6]).on('zoom', (ev) => g.attr('transform', ev.transform)));
  const link = g.append('g').selectAll('line').data(links).join('line').attr('class', 'link')
    .attr('stroke-width', (d) => Math.min(4, 0.5 + Math.sqrt(d.weight) / 2)).attr('marker-end', 'url(#arrow)');
  const node = g.append('g').selectAll('circle').data(nodes).join('circle').attr('class', 'node')
    .attr('r', radius).attr('fill', (d) => colour(d.department || '(none)'));
  node.append('title').text((d) => `${d.label}\n${d.department}\nnamed by ${d.inDegree}`);
  const label = g.append('g').selectAll('text').data(nodes.filter((n) => n.inDegree >= maxIn * 0.5)).join('text')
    .text((d) => d.label).attr('dx', 8).attr('dy', 3);

  const sim = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((d) => d.id).distance(60).strength(0.3))
    .force('charge', d3.forceManyBody().strength(-120))
    .force('collide', d3.forceCollide().radius((d) => radius(d) + 2))
    .force('x', d3.forceX(width / 2).strength(0.04)).force('y', d3.forceY(height / 2).strength(0.06));
  const tick = () => {
    link.each(function (d) {
      const dx = d.target.x - d.source.x, dy = d.target.y - d.source.y, len = Math.hypot(dx, dy) || 1, r = radius(d.target) + 2;
      d3.select(this).attr('x1', d.source.x).attr('y1', d.source.y).attr('x2', d.target.x - (dx / len) * r).attr('y2', d.target.y - (dy / len) * r);
    });
    node.attr('cx', (d) => d.x).attr('cy', (d) => d.y);
    label.attr('x', (d) => d.x).attr('y', (d) => d.y);
  };
  sim.on('tick', tick);
  node.call(d3.drag()
    .on('start', (ev, d) => { if (!ev.active) sim.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
    .on('drag', (ev, d) => { d.fx = ev.x; d.fy = ev.y; })
    .on('end', (ev, d) => { if (!ev.active) sim.alphaTarget(0); d.fx = null; d.fy = null; }));
  svgEl.dataset.nodes = String(nodes.length);
  svgEl.dataset.links = String(links.length);
  legendEl.innerHTML = '';
  for (const dep of departments) {
    const item = document.createElement('span');
    const sw = document.createElement('span');
    sw.className = 'sw';
    sw.style.background = colour(dep);
    item.append(sw, document.createTextNode(dep));
    legendEl.append(item);
  }
}
