// @ts-check
/**
 * The aggregated view: departments as circles (area = people), lines between them as wide as the ties
 * between them (both directions), ties inside a department in its label. Used above 5,000 people and
 * whenever chosen. Built from the same people and ties the person view would draw, so filters apply.
 */

/**
 * @param {Array<{ department?: string }>} nodes
 * @param {Array<{ s: number; t: number; w: number }>} ties the ties the person view would draw
 * @param {Uint8Array} visible
 * @param {(d: string) => string} colourOf
 */
export function departmentModel(nodes, ties, visible, colourOf) {
  const deptOf = (i) => nodes[i].department || '(none)';
  const people = new Map();
  nodes.forEach((_n, i) => {
    if (visible[i]) people.set(deptOf(i), (people.get(deptOf(i)) ?? 0) + 1);
  });
  const names = [...people.keys()].sort((x, y) => x.localeCompare(y, 'en'));
  const index = new Map(names.map((d, i) => [d, i]));
  const inside = new Array(names.length).fill(0);
  const between = new Map();
  for (const e of ties) {
    const a = index.get(deptOf(e.s)),
      b = index.get(deptOf(e.t));
    if (a === undefined || b === undefined) continue;
    if (a === b) inside[a]++;
    else {
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      between.set(key, (between.get(key) ?? 0) + 1);
    }
  }
  const maxPeople = Math.max(1, ...people.values());
  const R = 260;
  const groups = names.map((d, i) => {
    const angle = (2 * Math.PI * i) / names.length - Math.PI / 2;
    return {
      name: d,
      x: names.length === 1 ? 0 : R * Math.cos(angle),
      y: names.length === 1 ? 0 : R * Math.sin(angle),
      r: 8 + 34 * Math.sqrt(people.get(d) / maxPeople),
      people: people.get(d),
      inside: inside[i],
      colour: colourOf(d),
    };
  });
  const links = [...between].map(([key, count]) => {
    const [a, b] = key.split('|').map(Number);
    return { a, b, ties: count };
  });
  const totalPeople = names.reduce((s, d) => s + people.get(d), 0);
  return { groups, links, people: totalPeople, ties: ties.length };
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {ReturnType<typeof departmentModel>} m
 * @param {{ k: number; x: number; y: number }} view
 */
export function drawDepartments(ctx, m, view, width, height) {
  ctx.save();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(view.x, view.y);
  ctx.scale(view.k, view.k);
  const max = Math.max(1, ...m.links.map((l) => l.ties));
  ctx.strokeStyle = 'rgba(120, 130, 148, 0.55)';
  for (const l of m.links) {
    const a = m.groups[l.a],
      b = m.groups[l.b];
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.lineWidth = (1 + 14 * Math.sqrt(l.ties / max)) / view.k;
    ctx.stroke();
  }
  for (const g of m.groups) {
    ctx.beginPath();
    ctx.arc(g.x, g.y, g.r, 0, 2 * Math.PI);
    ctx.fillStyle = g.colour;
    ctx.fill();
    ctx.lineWidth = 1.5 / view.k;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  }
  ctx.restore();
  ctx.save();
  ctx.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const g of m.groups) {
    const sx = g.x * view.k + view.x,
      sy = g.y * view.k + view.y;
    const text = `${g.name} (${g.people.toLocaleString('en-US')})`;
    const w = ctx.measureText(text).width;
    const left = g.x < -1;
    const x = left ? sx - g.r * view.k - 4 - w : sx + g.r * view.k + 4;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(text, x, sy);
    ctx.fillStyle = '#1d2430';
    ctx.fillText(text, x, sy);
  }
  ctx.restore();
}
