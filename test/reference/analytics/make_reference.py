#!/usr/bin/env python3
"""Reference values for test/metrics/analytics (leadership analytics).

Run from the repository root:  python3 test/reference/analytics/make_reference.py
Reads the shared real networks ($LEADMAP_DATASETS or ../shared/datasets) and writes
test/reference/analytics/reference.json. Needs python3 + networkx 3.x (+ scipy, which
networkx.constraint uses for its matrix path). The test suite only reads the JSON.

Independent implementations: networkx for constraint, articulation points, modularity,
reciprocity, reachability (descendants) and components; plain Python loops written from
the published definitions for the Gini coefficient, in-degree centralization, top-10 % share,
E-I index, Gould-Fernandez brokerage (all open two-paths a->v->b, a!=b, no a->b,
as sna::brokerage), NMI and the adjusted Rand index.
"""
import csv, json, math, os, sys
from collections import Counter
import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = os.environ.get('LEADMAP_DATASETS', os.path.join(ROOT, '..', 'shared', 'datasets'))

def load(name):
    with open(os.path.join(DATA, name, 'roster.csv'), newline='') as f:
        roster = list(csv.DictReader(f))
    with open(os.path.join(DATA, name, 'ties.csv'), newline='') as f:
        ties = list(csv.DictReader(f))
    return roster, ties

def graph(roster, ties, relation):
    G = nx.DiGraph()
    for r in roster:
        G.add_node(r['id'])
    for t in ties:
        if t['relation'] != relation or t['source'] == t['target']:
            continue
        w = float(t['weight'])
        if G.has_edge(t['source'], t['target']):
            G[t['source']][t['target']]['weight'] += w
        else:
            G.add_edge(t['source'], t['target'], weight=w)
    return G

def gini(x):
    n = len(x); mu = sum(x) / n
    return sum(abs(a - b) for a in x for b in x) / (2 * n * n * mu)

def centralization(G):
    d = [G.in_degree(v) for v in G]
    n = len(d); mx = max(d)
    return sum(mx - v for v in d) / ((n - 1) ** 2)

def numkey(s):
    try:
        return (0, float(s), s)
    except ValueError:
        return (1, 0.0, s)

def top_share(G, fraction=0.1):
    ids = sorted(G.nodes(), key=numkey)
    ids.sort(key=lambda v: -G.in_degree(v))  # stable: ties stay in id order
    k = math.ceil(fraction * len(ids) - 1e-9)
    total = sum(G.in_degree(v) for v in ids)
    return sum(G.in_degree(v) for v in ids[:k]) / total, ids[:k]

def ei(G, group):
    I = sum(1 for a, b in G.edges() if group[a] == group[b])
    E = G.number_of_edges() - I
    per = {}
    for g in sorted(set(group.values())):
        gi = sum(1 for a, b in G.edges() if group[a] == g and group[b] == g)
        ge = sum(1 for a, b in G.edges() if group[a] == g and group[b] != g)
        per[g] = {'internal': gi, 'external': ge, 'ei': (ge - gi) / (ge + gi) if ge + gi else None}
    return {'internal': I, 'external': E, 'ei': (E - I) / (E + I), 'groups': per}

def gould_fernandez(G, group):
    res = {}
    for v in G:
        c = Counter()
        for a in G.predecessors(v):
            for b in G.successors(v):
                if a == b or G.has_edge(a, b):
                    continue
                ga, gv, gb = group[a], group[v], group[b]
                if ga == gv == gb: c['coordinator'] += 1
                elif ga == gb: c['itinerant'] += 1
                elif gv == gb: c['gatekeeper'] += 1
                elif ga == gv: c['representative'] += 1
                else: c['liaison'] += 1
        res[v] = {k: c[k] for k in ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison']}
    return res

def undirected_summed(G):
    U = nx.Graph()
    U.add_nodes_from(G)
    for a, b, d in G.edges(data=True):
        if U.has_edge(a, b):
            U[a][b]['weight'] += d['weight']
        else:
            U.add_edge(a, b, weight=d['weight'])
    return U

def modularity(G, group):
    U = undirected_summed(G)
    parts = {}
    for v in U:
        parts.setdefault(group[v], set()).add(v)
    return nx.community.modularity(U, list(parts.values()), weight='weight')

def reachability(G):
    n = G.number_of_nodes()
    return sum(len(nx.descendants(G, v)) for v in G) / (n * (n - 1))

def fragmentation(G):
    n = G.number_of_nodes()
    s = sum(len(c) * (len(c) - 1) for c in nx.connected_components(G.to_undirected()))
    return 1 - s / (n * (n - 1))

def nmi(a, b):
    n = len(a)
    ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    ha = -sum(c / n * math.log(c / n) for c in ca.values())
    hb = -sum(c / n * math.log(c / n) for c in cb.values())
    mi = sum(c / n * math.log(c * n / (ca[x] * cb[y])) for (x, y), c in cab.items())
    return 2 * mi / (ha + hb)

def ari(a, b):
    n = len(a)
    c2 = lambda k: k * (k - 1) / 2
    ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    sij = sum(c2(c) for c in cab.values()); sa = sum(c2(c) for c in ca.values()); sb = sum(c2(c) for c in cb.values())
    e = sa * sb / c2(n)
    return (sij - e) / ((sa + sb) / 2 - e)

def removal(G, ids):
    H = G.copy(); H.remove_nodes_from(ids)
    return reachability(H), fragmentation(H)

NETWORKS = [
    ('krackhardt_hightech', 'advice', ['department']),
    ('krackhardt_hightech', 'friendship', ['department']),
    ('lazega_lawfirm', 'advice', ['department', 'office', 'role']),
    ('lazega_lawfirm', 'friendship', ['department', 'office']),
    ('lazega_lawfirm', 'cowork', ['department']),
    ('uk_faculty', 'friendship', ['department']),
]

out = {'networkx': nx.__version__, 'networks': []}
for name, relation, attrs in NETWORKS:
    roster, ties = load(name)
    G = graph(roster, ties, relation)
    indeg = [G.in_degree(v) for v in G]
    share, top = top_share(G)
    constraint = nx.constraint(G, weight='weight')
    rec = {
        'dataset': name, 'relation': relation, 'n': G.number_of_nodes(), 'm': G.number_of_edges(),
        'centralization': centralization(G), 'gini': gini(indeg), 'topShare': share, 'top': top,
        'reciprocity': nx.reciprocity(G),
        'constraint': {v: (None if math.isnan(c) else c) for v, c in constraint.items()},
        'articulationPoints': sorted(nx.articulation_points(G.to_undirected()), key=numkey),
        'reachability': reachability(G), 'fragmentation': fragmentation(G),
        'groups': {},
    }
    order = sorted(G.nodes(), key=lambda v: (-G.in_degree(v), -G.in_degree(v, weight='weight'), numkey(v)))
    rec['removal'] = [{'removed': k, 'ids': order[:k], 'reachability': r, 'fragmentation': f}
                      for k in (1, 2, 3) for (r, f) in [removal(G, order[:k])]]
    for attr in attrs:
        group = {r['id']: r[attr] for r in roster}
        rec['groups'][attr] = {
            'ei': ei(G, group),
            'brokerage': gould_fernandez(G, group),
            'modularity': modularity(G, group),
        }
    if name == 'lazega_lawfirm' and relation == 'advice':
        ids = [r['id'] for r in roster]
        rec['agreement'] = {
            'department_office': {'nmi': nmi([r['department'] for r in roster], [r['office'] for r in roster]),
                                  'ari': ari([r['department'] for r in roster], [r['office'] for r in roster])},
            'office_role': {'nmi': nmi([r['office'] for r in roster], [r['role'] for r in roster]),
                            'ari': ari([r['office'] for r in roster], [r['role'] for r in roster])},
        }
    out['networks'].append(rec)

dest = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reference.json')
with open(dest, 'w') as f:
    json.dump(out, f, indent=1, sort_keys=True)
print('wrote', dest, file=sys.stderr)
