// @ts-check
import { esc } from '../api.js';
import { departmentLabel, departmentModel, drawDepartments } from './aggregate.js';
import { wireCombobox } from './combobox.js';
import { fittingView, KEYS, personAt } from './geometry.js';
import { grouping } from './groups.js';
import { legendButtons } from './legend.js';
import { sceneModel } from './model.js';
import { downloadImage } from './image.js';
import { personTip, wireTooltip } from './tooltip.js';
import { savePositions } from './layout.js';
import { layoutHash, layoutKeyOf, placeNeighbourhood, placeWave } from './placement.js';
import { drawScene, drawnEdges } from './render.js';
import { egoSet, passes } from './select.js';
import { painter, SETTLE_MS } from './painter.js';

/** Up to this many people everyone is drawn; above it the departments view (and one person's ties). */
export const LARGEST_DRAWN = 5000;
const fmt = (n) => n.toLocaleString('en-US');

/**
 * The network view on a canvas: positions from the wave's layout (layout.js), what is shown from the
 * controls; every change redraws, nothing re-lays out. Returns show(id) for links elsewhere on the page.
 */
export function drawNetwork(section, graph, a, l) {
  const d3 = window.d3;
  const canvas = /** @type {HTMLCanvasElement} */ (section.querySelector('#network'));
  const holder = section.querySelector('#network-holder');
  const status = section.querySelector('#net-status');
  if (!d3) {
    holder.innerHTML = '<p class="error">The network view needs /vendor/d3.min.js.</p>';
    return null;
  }
  const $ = (sel) => /** @type {any} */ (section.querySelector(sel));
  const { person, kindOf, nodes, index, edges } = sceneModel(graph, a, l);
  const large = nodes.length > LARGEST_DRAWN;
  const state = {
    mode: large ? 'departments' : 'whole',
    steps: 1,
    colourBy: 'department',
    dept: '',
    role: '',
    kind: '',
    fact: '',
    isolated: new Set(),
    forced: new Set(),
  };
  /** @type {import('./render.js').Scene} */
  const scene = { nodes, edges, visible: new Uint8Array(nodes.length), colours: [], minWeight: 0, focus: -1, near: new Set() };
  let groups = grouping('department', nodes, graph, kindOf, l.groups?.communities?.communityOf);
  let view = { k: 1, x: 0, y: 0 };
  let width = 0,
    height = 0;
  let placed = false;
  const paint = painter(canvas);
  const layoutKey = layoutKeyOf(a);

  const recolour = () => {
    groups = grouping(/** @type {any} */ (state.colourBy), nodes, graph, kindOf, l.groups?.communities?.communityOf);
    const colourOf = new Map(groups.entries.map((e) => [e.key, e.colour]));
    scene.colours = groups.keys.map((k) => colourOf.get(k) ?? '#BBBBBB');
  };
  const select = () => {
    const ok = (i) =>
      passes(
        nodes[i],
        { dept: state.dept, role: state.role, kind: state.kind, fact: state.fact },
        (id) => person.get(id)?.role ?? '',
        kindOf,
        (id) => person.get(id)?.roster,
      ) &&
      (!state.isolated.size || state.isolated.has(groups.keys[i]));
    const vis = scene.visible;
    vis.fill(0);
    if (state.mode === 'ego') {
      if (scene.focus >= 0)
        for (const i of egoSet(scene.focus, edges, state.steps, scene.minWeight)) vis[i] = i === scene.focus || ok(i) ? 1 : 0;
    } else for (let i = 0; i < nodes.length; i++) vis[i] = ok(i) ? 1 : 0;
    for (const i of state.forced) vis[i] = 1;
    scene.near = new Set(scene.focus >= 0 ? [scene.focus] : []);
    if (scene.focus < 0) return;
    for (const e of drawnEdges(scene)) {
      if (e.s === scene.focus) scene.near.add(e.t);
      if (e.t === scene.focus) scene.near.add(e.s);
    }
  };

  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  let lastModel = null;
  function draw() {
    frame = 0;
    if (!placed || !width) return;
    const t0 = performance.now();
    canvas.dataset.zoom = view.k.toFixed(3);
    // Mid-gesture: move the last drawing; the full drawing follows when the gesture pauses.
    if (moving && paint.quick(view)) {
      canvas.dataset.drawMs = (performance.now() - t0).toFixed(1);
      return;
    }
    let label, count;
    if (state.mode === 'departments') {
      const deptColour = (d) => graph.departmentColours?.[d] ?? '#BBBBBB';
      lastModel = departmentModel(nodes, drawnEdges(scene), scene.visible, deptColour);
      paint.full((c) => drawDepartments(c, lastModel, view, width, height), view);
      label = `Network of ${a.relation} ties between departments: ${fmt(lastModel.groups.length)} departments of ${fmt(lastModel.people)} people, ${fmt(lastModel.ties)} ties`;
      count = `${fmt(lastModel.groups.length)} departments · ${fmt(lastModel.people)} people · ${fmt(lastModel.ties)} ties`;
      canvas.dataset.nodes = String(lastModel.people);
      canvas.dataset.links = String(lastModel.ties);
    } else {
      const out = paint.full((c) => drawScene(c, scene, view, width, height), view);
      lastModel = out;
      label = `Network of ${a.relation} ties: ${fmt(out.people)} people, ${fmt(out.ties)} ties`;
      count = `${fmt(out.people)} of ${fmt(nodes.length)} people · ${fmt(out.ties)} of ${fmt(edges.length)} ties drawn`;
      if (state.mode === 'ego' && scene.focus < 0) count = 'Choose a person with “Find a person” to see their ties.';
      canvas.dataset.nodes = String(out.people);
      canvas.dataset.links = String(out.ties);
      canvas.dataset.labels = String(out.labels.length);
    }
    if (canvas.getAttribute('aria-label') !== label) canvas.setAttribute('aria-label', label);
    const countEl = $('#net-count');
    if (countEl.textContent !== count) countEl.textContent = count;
    canvas.dataset.mode = state.mode;
    canvas.dataset.focus = scene.focus >= 0 ? nodes[scene.focus].id : '';
    canvas.dataset.focusTies = String(
      scene.focus >= 0 ? drawnEdges(scene).filter((e) => e.s === scene.focus || e.t === scene.focus).length : 0,
    );
    canvas.dataset.drawMs = (performance.now() - t0).toFixed(1);
    canvas.dataset.fullDrawMs = canvas.dataset.drawMs;
    canvas.dataset.ready = '1';
  }
  // A change of what is shown draws at once (the figure's name and counts are right when the handler returns).
  const refresh = () => {
    select();
    drawLegend();
    if (frame) cancelAnimationFrame(frame);
    paint.reset();
    draw();
  };

  // Size: the canvas fills its holder's width; its height depends on the window, never the layout.
  const resize = () => {
    const w = Math.round(holder.clientWidth);
    const h = w < 600 ? 420 : 600;
    if (w === width && h === height) return;
    width = w;
    height = h;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.height = `${h}px`;
    // The window changed: the same layout, fitted again to the new box.
    if (placed) fit(false);
    schedule();
  };
  new ResizeObserver(resize).observe(holder);
  resize();

  // Zoom and pan (d3-zoom); the view is a transform of the fixed layout.
  // d3's selection and zoom types cannot follow a canvas from JavaScript; the calls below are d3's documented ones.
  const sel = /** @type {any} */ (d3.select(canvas));
  let moving = false;
  let jumping = false;
  let settle = 0;
  const zoom = /** @type {any} */ (d3.zoom()).scaleExtent([0.05, 12]).on('zoom', (ev) => {
    view = { k: ev.transform.k, x: ev.transform.x, y: ev.transform.y };
    // A jump (fitting the drawing) is drawn in full at once; gestures and animations move the last drawing.
    if (jumping) return schedule();
    moving = true;
    clearTimeout(settle);
    settle = window.setTimeout(() => {
      moving = false;
      schedule();
    }, SETTLE_MS);
    schedule();
  });
  const fit = (animate) => {
    const departments = state.mode === 'departments' && lastModel?.groups;
    const v = fittingView(
      departments ? lastModel.groups : nodes.filter((_n, i) => scene.visible[i]),
      width,
      height,
      departments ? 140 : 20,
    );
    if (!v) return;
    if (!departments) scene.fitK = v.k;
    const t = d3.zoomIdentity.translate(v.x, v.y).scale(v.k);
    if (animate) sel.transition().duration(250).call(zoom.transform, t);
    else {
      jumping = true;
      sel.call(zoom.transform, t);
      jumping = false;
    }
  };
  const hit = (sx, sy) => (state.mode === 'departments' ? -1 : personAt(scene, view, sx, sy));
  const drag = /** @type {import('d3').DragBehavior<any, any, any>} */ (d3.drag());
  drag
    .subject((ev) => {
      const i = hit(ev.x, ev.y);
      return i < 0 ? null : { x: ev.x, y: ev.y, i };
    })
    .on('drag', (ev) => {
      const n = nodes[ev.subject.i];
      n.x = (ev.x - view.x) / view.k;
      n.y = (ev.y - view.y) / view.k;
      schedule();
    })
    .on('end', () => {
      const kept = new Map(positions ?? []);
      for (const n of nodes) if (Number.isFinite(n.x)) kept.set(n.id, { x: n.x, y: n.y });
      positions = kept;
      savePositions(layoutKey, kept);
      canvas.dataset.layout = layoutHash(nodes);
    });
  sel.call(drag).call(zoom).on('dblclick.zoom', null);

  wireTooltip(canvas, section.querySelector('#tooltip'), (sx, sy) => {
    const i = hit(sx, sy);
    if (i >= 0) return { html: personTip(nodes[i], person.get(nodes[i].id), kindOf(nodes[i].id)), person: true };
    const group =
      state.mode === 'departments' && lastModel?.groups
        ? lastModel.groups.find((g) => Math.hypot(g.x * view.k + view.x - sx, g.y * view.k + view.y - sy) <= g.r * view.k + 2)
        : undefined;
    return group ? { html: esc(departmentLabel(group)), person: false } : null;
  });
  canvas.addEventListener('click', (ev) => {
    const b = canvas.getBoundingClientRect();
    const i = hit(ev.clientX - b.left, ev.clientY - b.top);
    focus(i >= 0 && i !== scene.focus ? i : -1);
  });
  canvas.addEventListener('keydown', (ev) => {
    const act = KEYS[ev.key];
    if (!act) return;
    ev.preventDefault();
    if (act.pan) sel.call(zoom.translateBy, act.pan[0] / view.k, act.pan[1] / view.k);
    else if (act.zoom) sel.call(zoom.scaleBy, act.zoom);
    else if (act.fit) fit(false);
    else focus(-1);
  });

  const byLabel = nodes.map((_n, i) => i).sort((x, y) => nodes[x].label.localeCompare(nodes[y].label));
  // Find a person: everyone in the wave; someone hidden by the filters is brought into the drawing.
  const combo = wireCombobox(
    $('#find-person'),
    $('#find-person-list'),
    () =>
      byLabel
        .map((i) => nodes[i])
        .map((n, j) => ({
          id: n.id,
          label: n.label,
          note: scene.visible[byLabel[j]] || state.mode === 'departments' ? (n.department ?? '') : `${n.department ?? ''} · not drawn yet`,
        })),
    (id) => focus(id === null ? -1 : (index.get(id) ?? -1), true),
  );
  function focus(i, fromSearch = false) {
    scene.focus = i;
    state.forced = new Set(i >= 0 ? [i] : []);
    if (!fromSearch) combo.set(i >= 0 ? nodes[i].label : '');
    if (i >= 0 && state.mode === 'departments') setMode(large ? 'ego' : 'whole');
    else if (state.mode === 'ego') ensurePlaced().then(() => (refresh(), fit(true)));
    else {
      refresh();
      // Chosen in the search box: bring the person to the middle of the drawing, at the same zoom.
      if (fromSearch && i >= 0 && placed) sel.transition().duration(250).call(zoom.translateTo, nodes[i].x, nodes[i].y);
    }
  }

  const legendEl = section.querySelector('#legend');
  const drawLegend = () => legendButtons(legendEl, groups.entries, state.isolated);
  legendEl.addEventListener('click', (ev) => {
    const b = /** @type {HTMLElement} */ (ev.target).closest('button');
    if (!b) return;
    if (b.id === 'legend-all') state.isolated.clear();
    else if (state.isolated.has(b.dataset.key)) state.isolated.delete(b.dataset.key);
    else state.isolated.add(b.dataset.key);
    refresh();
    /** @type {HTMLElement | null} */ (
      legendEl.querySelector(b.id === 'legend-all' ? 'button' : `button[data-key="${CSS.escape(b.dataset.key ?? '')}"]`)
    )?.focus();
  });

  const setMode = (mode) => {
    state.mode = mode;
    $('#net-mode').value = mode;
    $('#ego-steps').closest('label').hidden = mode !== 'ego';
    ensurePlaced()
      .then(() => {
        refresh();
        fit(false);
      })
      .catch((e) => {
        status.hidden = false;
        status.textContent = `The network could not be laid out: ${e instanceof Error ? e.message : String(e)}`;
      });
  };
  const on = (id, f) => $(id)?.addEventListener('change', (ev) => f(ev.target.value));
  on('#net-mode', setMode);
  // Above 5,000 people the colleagues two steps away may not be laid out yet: ensurePlaced does it.
  on('#ego-steps', (v) => ((state.steps = Number(v)), ensurePlaced().then(() => (refresh(), fit(true)))));
  on('#colour-by', (v) => ((state.colourBy = v), state.isolated.clear(), recolour(), refresh()));
  on('#filter-department', (v) => ((state.dept = v), refresh()));
  on('#filter-role', (v) => ((state.role = v), refresh()));
  on('#filter-kind', (v) => ((state.kind = v), refresh()));
  on('#filter-roster', (v) => ((state.fact = v), refresh()));
  on('#min-weight', (v) => ((scene.minWeight = Number(v)), refresh()));
  $('#zoom-in').addEventListener('click', () => sel.transition().duration(200).call(zoom.scaleBy, 1.4));
  $('#zoom-out').addEventListener('click', () =>
    sel
      .transition()
      .duration(200)
      .call(zoom.scaleBy, 1 / 1.4),
  );
  $('#zoom-fit').addEventListener('click', () => fit(true));
  $('#download-image').addEventListener('click', () =>
    downloadImage({
      svg: $('#image-format').value === 'svg',
      title: canvas.getAttribute('aria-label') ?? '',
      width,
      height,
      legend: state.mode === 'departments' ? [] : groups.entries.filter((e) => !state.isolated.size || state.isolated.has(e.key)),
      name: `network-${a.relation}-${a.domain}${state.mode === 'whole' ? '' : `-${state.mode}`}`,
      departments: state.mode === 'departments' ? lastModel : null,
      scene,
      view,
      labels: lastModel?.labels ?? [],
    }),
  );

  // Positions: laid out once (placement.js); above 5,000 people only the neighbourhoods asked for.
  /** @type {Map<string, { x: number; y: number }> | null} */
  let positions = null;
  let placing = null;
  function ensurePlaced() {
    if (large && state.mode !== 'whole') {
      placed = true;
      status.hidden = true;
      if (state.mode !== 'ego' || scene.focus < 0) return Promise.resolve();
      const members = [...egoSet(scene.focus, edges, state.steps, 0)];
      return placeNeighbourhood(a, graph, nodes, members, `${nodes[scene.focus].id}|${state.steps}`);
    }
    placing ??= placeWave(a, graph, nodes, (share) => {
      status.textContent = `Laying out ${fmt(nodes.length)} people… ${Math.round(share * 100)} %`;
    }).then((p) => {
      positions = p;
      placed = true;
      status.hidden = true;
      canvas.dataset.layout = layoutHash(nodes);
    });
    return placing;
  }

  recolour();
  setMode(state.mode);
  return {
    /** Highlights a person's ties and brings the network into view. */
    show(id) {
      const i = index.get(id);
      if (i === undefined) return false;
      focus(i);
      section.scrollIntoView({ behavior: 'smooth', block: 'start' });
      return true;
    },
  };
}
