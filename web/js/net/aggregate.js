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
  // A ring wide enough that the largest circles do not touch.
  const R = Math.max(260, (names.length * 2.3 * 42) / (2 * Math.PI));
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
  ctx.strokeStyle = 'rgba(120, 130, 148, 0.35)';
  for (const l of m.links) {
    const a = m.groups[l.a],
      b = m.groups[l.b];
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.lineWidth = (0.5 + 12 * (l.ties / max)) / view.k;
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
  for (const l of placeDepartmentLabels(ctx, m, view, width, height)) {
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = '#1d2430';
    ctx.fillText(l.text, l.x, l.y);
  }
  ctx.restore();
}

/**
 * Each department's name and size beside its circle — outward, else above or below it — largest first,
 * and left out when every spot would overlap a circle or a label already placed (the tooltip and legend still give it).
 * @returns {Array<{ text: string; x: number; y: number }>}
 */
export function placeDepartmentLabels(ctx, m, view, width, height) {
  // Circles are obstacles too: a label never covers a department.
  const placed = m.groups.map((g) => {
    const x = g.x * view.k + view.x,
      y = g.y * view.k + view.y,
      r = g.r * view.k;
    return [x - r, y - r, x + r, y + r];
  });
  const out = [];
  const order = m.groups.map((_g, i) => i).sort((a, b) => m.groups[b].people - m.groups[a].people || a - b);
  for (const i of order) {
    const g = m.groups[i];
    const text = `${g.name} (${g.people.toLocaleString('en-US')})`;
    const w = ctx.measureText(text).width,
      h = 14;
    const sx = g.x * view.k + view.x,
      sy = g.y * view.k + view.y,
      r = g.r * view.k;
    const left = g.x < -1;
    const spots = [
      [left ? sx - r - 4 - w : sx + r + 4, sy],
      [sx - w / 2, sy - r - 4 - h / 2],
      [sx - w / 2, sy + r + 4 + h / 2],
      [left ? sx + r + 4 : sx - r - 4 - w, sy],
    ];
    for (const [x, y] of spots) {
      const box = [x - 2, y - h / 2, x + w + 2, y + h / 2];
      if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) continue;
      if (placed.some((p) => box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1])) continue;
      placed.push(box);
      out.push({ text, x, y });
      break;
    }
  }
  return out;
}

/** "Maths (120 people, 340 ties inside)": what a department circle stands for. */
export function departmentLabel(g) {
  return `${g.name} (${g.people.toLocaleString('en-US')} people, ${g.inside.toLocaleString('en-US')} ties inside)`;
}
