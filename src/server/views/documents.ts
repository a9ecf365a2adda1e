import type { PublicAnalysis } from '../../privacy/present.js';
import { departmentsCsv, metricsCsv } from '../export/metrics-csv.js';
import { toGexf, toGraphml } from '../export/graph-xml.js';
import { DEPARTMENT_PALETTE, OTHER_GROUP_COLOUR, departmentColours } from '../../report/present/palette.js';

/** Every document built from one presented analysis, with its content type. */
export const ANALYSIS_DOCS = {
  analysis: 'application/json',
  graph: 'application/json',
  'metrics.csv': 'text/csv; charset=utf-8',
  'departments.csv': 'text/csv; charset=utf-8',
  'graph.graphml': 'application/graphml+xml; charset=utf-8',
  'graph.gexf': 'application/gexf+xml; charset=utf-8',
} as const;
export type AnalysisDoc = keyof typeof ANALYSIS_DOCS;

export function isAnalysisDoc(name: string): name is AnalysisDoc {
  return Object.hasOwn(ANALYSIS_DOCS, name);
}

/** The bytes of one document: the analysis JSON (without edges), the network view's nodes and edges, or an export. */
export function analysisViewBody(doc: AnalysisDoc, a: PublicAnalysis): Uint8Array {
  switch (doc) {
    case 'analysis': {
      const { edges: _edges, ...rest } = a;
      void _edges;
      return json({ analysis: rest });
    }
    case 'graph':
      return json({
        disclosure: a.disclosure,
        relation: a.relation,
        domain: a.domain,
        nodes: a.people.map((p) => ({ id: p.id, label: p.name, department: p.department, inDegree: p.inDegree, pageRank: p.pageRank })),
        edges: a.edges,
        // The report's department colours (one rule: src/report/present/palette.ts).
        departmentColours: departmentColours(a.people.map((p) => p.department || '(none)')),
        // The same palette for the view's other groupings (communities); after the 20th group, "other".
        palette: { colours: DEPARTMENT_PALETTE, other: OTHER_GROUP_COLOUR },
      });
    case 'metrics.csv':
      return Buffer.from(metricsCsv(a));
    case 'departments.csv':
      return Buffer.from(departmentsCsv(a));
    case 'graph.graphml':
      return Buffer.from(toGraphml(a));
    case 'graph.gexf':
      return Buffer.from(toGexf(a));
  }
}

function json(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value));
}
