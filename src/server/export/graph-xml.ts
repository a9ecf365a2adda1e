import type { PublicAnalysis } from '../../privacy/present.js';

/** Escapes text for XML content and attribute values (also drops characters XML 1.0 forbids). */
export function xml(s: string | number | null): string {
  if (s === null) return '';
  return (
    String(s)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const NODE_ATTRS = [
  ['name', 'string'],
  ['role', 'string'],
  ['department', 'string'],
  ['inDegree', 'double'],
  ['outDegree', 'double'],
  ['pageRank', 'double'],
  ['betweenness', 'double'],
] as const;

/** GraphML (http://graphml.graphdrawing.org/) of the analysed graph, ids as the privacy layer gave them. */
export function toGraphml(a: PublicAnalysis): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  NODE_ATTRS.forEach(([k, t]) => lines.push(`  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`));
  lines.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  lines.push(`  <graph id="${xml(`${a.relation}-${a.domain}`)}" edgedefault="directed">`);
  for (const p of a.people) {
    lines.push(`    <node id="${xml(p.id)}">` + NODE_ATTRS.map(([k]) => `<data key="${k}">${xml(p[k])}</data>`).join('') + '</node>');
  }
  a.edges.forEach((e, i) =>
    lines.push(`    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="weight">${e.weight}</data></edge>`),
  );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** GEXF 1.3 (https://gexf.net) for Gephi. */
export function toGexf(a: PublicAnalysis): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>leadmap</creator><description>${xml(`${a.relation} / ${a.domain} (${a.disclosure})`)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
  ];
  NODE_ATTRS.slice(1).forEach(([k, t], i) =>
    lines.push(`      <attribute id="${i}" title="${k}" type="${t === 'double' ? 'double' : 'string'}"/>`),
  );
  lines.push('    </attributes>', '    <nodes>');
  for (const p of a.people) {
    const values = NODE_ATTRS.slice(1)
      .map(([k], i) => `<attvalue for="${i}" value="${xml(p[k])}"/>`)
      .join('');
    lines.push(`      <node id="${xml(p.id)}" label="${xml(p.name)}"><attvalues>${values}</attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  a.edges.forEach((e, i) => lines.push(`      <edge id="${i}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}"/>`));
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
