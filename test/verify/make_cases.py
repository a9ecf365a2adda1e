#!/usr/bin/env python3
"""Independent check of `leadmap analyze --json`: seeded networks the core metrics were never tuned on,
with expected values from networkx 3.6 (and plain-Python definitions for the analytics numbers).

Usage:
    python3 test/verify/make_cases.py OUT_DIR            # write every case
    python3 test/verify/make_cases.py OUT_DIR NAME ...   # only these cases

Each case is a folder OUT_DIR/<name>/ with
  roster.csv   id, name, department (quoted by the csv module when ids hold commas, quotes, …)
  ties.csv     source, target, relation, domain, weight (some cases split a weight over duplicate rows,
               which leadmap must sum)
  expected.json {"case", "networkx", "runs": [{"args", "network", "people", "eigenvectorExact",
               "hitsComparable", "constraint", "cutPoints", "gini", "topShare", "ei"}]}

The committed copy lives in test/verify/cases/ and is read by test/verify/random-networks.test.ts,
so the suite needs no Python. Graph = networkx DiGraph, roster order, every roster person a node,
ties of the selected domain (or all domains pooled, weights summed) in file order, self-ties dropped.
Documented deviations from networkx encoded here: eigenvector and HITS are null without ties,
reciprocity is null without ties, eigenvector is null where networkx raises
PowerIterationFailedConvergence, constraint is null where networkx gives NaN (isolates).
"""
import csv
import functools
import re
import json
import math
import os
import random
import sys

import networkx as nx
import numpy as np

DEPTS = ["Maths", "English", "Science", "Arts", "Support"]


# ---------------------------------------------------------------- graph builders (lists of (s, t, w))

def er(rng, ids, p, weights=lambda r: 1):
    return [(a, b, weights(rng)) for a in ids for b in ids if a != b and rng.random() < p]


def pref_attach(rng, ids, m_out, weights):
    """Each newcomer names m_out earlier people with probability ∝ in-degree + 1 (heavy-tailed in-degree),
    plus a few random back-ties so that there are cycles."""
    indeg = {i: 0 for i in ids}
    edges = {}
    for k, v in enumerate(ids[1:], start=1):
        earlier = ids[:k]
        for _ in range(min(m_out, k)):
            tot = sum(indeg[u] + 1 for u in earlier)
            x = rng.random() * tot
            for u in earlier:
                x -= indeg[u] + 1
                if x <= 0:
                    break
            if (v, u) not in edges:
                edges[(v, u)] = weights(rng)
                indeg[u] += 1
    for _ in range(len(ids) // 4):
        a, b = rng.sample(ids, 2)
        edges.setdefault((a, b), weights(rng))
    return [(a, b, w) for (a, b), w in edges.items()]


def w15(r):
    return r.randint(1, 5)


def wfrac(r):
    return r.choice([0.5, 2.25, 1.75, 0.1, 3.3, 1, 0.25])


# ---------------------------------------------------------------- cases

def case_defs():
    cases = {}

    def add(name, ids, rows, depts=None, runs=None, extra_roster=()):
        cases[name] = dict(ids=list(ids) + list(extra_roster), rows=rows, depts=depts, runs=runs or [[]])

    r = random.Random(101)
    ids = [f"P{i:03d}" for i in range(200)]
    add("er_sparse_200", ids, [(a, b, 1, "any") for a, b, _ in er(r, ids, 0.012)])

    r = random.Random(102)
    ids = [str(i) for i in range(1, 61)]
    add("er_dense_60_w15", ids, [(a, b, w, "any") for a, b, w in er(r, ids, 0.45, w15)])

    r = random.Random(103)
    ids = [f"t{i}" for i in range(400)]
    add("prefattach_400_w15", ids, [(a, b, w, "any") for a, b, w in pref_attach(r, ids, 3, w15)])

    r = random.Random(104)
    ids, rows = [], []
    for c, size in enumerate([25, 18, 12, 6, 3, 2]):
        block = [f"c{c}_{i}" for i in range(size)]
        ids += block
        rows += [(a, b, w, "any") for a, b, w in er(r, block, 0.25, w15)]
    add("components_6", ids, rows)

    r = random.Random(105)
    ids = [f"i{i}" for i in range(150)]
    core = ids[:30]
    add("isolates_many", ids, [(a, b, 1, "any") for a, b, _ in er(r, core, 0.06)])

    r = random.Random(106)
    ids = [f"d{i}" for i in range(90)]
    sinks = set(r.sample(ids, 30))
    add("dangling_30", ids, [(a, b, w, "any") for a, b, w in er(r, ids, 0.06, w15) if a not in sinks])

    r = random.Random(107)
    ids = [f"g{i}" for i in range(60)]
    add("dag_60", ids, [(a, b, w, "any") for a, b, w in er(r, ids, 0.08, w15) if int(a[1:]) < int(b[1:])])

    r = random.Random(108)
    ids = [f"k{i}" for i in range(12)]
    add("complete_12_w15", ids, [(a, b, r.randint(1, 5), "any") for a in ids for b in ids if a != b])

    ids = [f"s{i}" for i in range(20)]
    add("in_star_20", ids, [(v, ids[0], 1, "any") for v in ids[1:]])

    ids = [f"y{i}" for i in range(15)]
    rows = []
    for i in range(15):
        rows.append((ids[i], ids[(i + 1) % 15], 1, "any"))
        rows.append((ids[(i + 1) % 15], ids[i], 1, "any"))
    add("bicycle_15", ids, rows)

    r = random.Random(109)
    ids = [f"f{i}" for i in range(80)]
    add("er_80_fractional", ids, [(a, b, w, "any") for a, b, w in er(r, ids, 0.07, wfrac)])

    # ids that need CSV quoting, accents, leading zeros, numeric look-alikes; roster people absent from ties
    r = random.Random(110)
    ids = ["007", "7", "07", "Ana María", "O'Neil, Pat", 'Zoë "Z" Ng', "Łukasz Żak", "ß straße",
           "1e3", "1.0", "Smith, J.; Jr", "naïve café", "李 雷", "x|y", "a\tb" if False else "tab-less", "#9"]
    rows = [(a, b, w, "any") for a, b, w in er(r, ids, 0.25, wfrac)]
    add("weird_ids", ids, rows, extra_roster=["absent one", "absent, two", "0007"])

    # duplicate rows: each tie's weight split across two or three rows, in shuffled order
    r = random.Random(111)
    ids = [f"u{i}" for i in range(40)]
    base = er(r, ids, 0.1, w15)
    rows = []
    for a, b, w in base:
        parts = [1] * w if w <= 3 else [w - 2, 1.5, 0.5]
        rows += [(a, b, p, "any") for p in parts]
    r.shuffle(rows)
    add("duplicates_aggregate", ids, rows)

    # two domains: --domain each, and pooled
    r = random.Random(112)
    ids = [f"m{i}" for i in range(50)]
    rows = [(a, b, w, "curriculum") for a, b, w in er(r, ids, 0.08, w15)]
    rows += [(a, b, w, "behaviour") for a, b, w in er(r, ids, 0.06, wfrac)]
    r.shuffle(rows)
    add("two_domains", ids, rows, runs=[[], ["--domain", "curriculum"], ["--domain", "behaviour"]])

    # tricky small inputs
    add("isolates_only_5", [f"z{i}" for i in range(5)], [])
    add("single_person", ["solo"], [])
    add("self_ties_only", ["a", "b", "c"], [("a", "a", 1, "any"), ("b", "b", 2, "any")])
    add("two_people_one_tie", ["a", "b"], [("a", "b", 2, "any")])
    add("two_people_mutual", ["a", "b"], [("a", "b", 2, "any"), ("b", "a", 0.5, "any")])
    add("three_chain", ["a", "b", "c"], [("a", "b", 1, "any"), ("b", "c", 1, "any")])
    add("everybody_names_everybody_7", [f"e{i}" for i in range(7)],
        [(f"e{i}", f"e{j}", 1, "any") for i in range(7) for j in range(7) if i != j])
    add("self_ties_dropped", ["a", "b", "c", "d"],
        [("a", "a", 1, "any"), ("a", "b", 1, "any"), ("b", "c", 2, "any"), ("c", "a", 1, "any"),
         ("c", "c", 4, "any"), ("d", "a", 1, "any")])

    # real networks (networkx built-ins), made directed
    K = nx.karate_club_graph()
    ids = [f"kc{v}" for v in K]
    rows = []
    for u, v, d in K.edges(data=True):
        rows += [(f"kc{u}", f"kc{v}", d.get("weight", 1), "any"), (f"kc{v}", f"kc{u}", d.get("weight", 1), "any")]
    depts = {f"kc{v}": K.nodes[v]["club"] for v in K}
    add("karate_both_ways", ids, rows, depts=depts)

    L = nx.les_miserables_graph()
    ids = list(L.nodes())
    r = random.Random(113)
    rows = []
    for u, v, d in L.edges(data=True):
        # both ways, reverse strength perturbed so the graph is not symmetric
        rows += [(u, v, d["weight"], "any")]
        if r.random() < 0.7:
            rows += [(v, u, max(0.5, d["weight"] / 2), "any")]
    add("les_miserables", ids, rows)

    D = nx.davis_southern_women_graph()
    women = [v for v, d in D.nodes(data=True) if d["bipartite"] == 0]
    P = nx.bipartite.weighted_projected_graph(D, women)
    rows = []
    for u, v, d in P.edges(data=True):
        rows += [(u, v, d["weight"], "any"), (v, u, d["weight"], "any")]
    add("davis_women_projection", women, rows)

    F = nx.florentine_families_graph()
    ids = sorted(F.nodes())
    rows = []
    for u, v in F.edges():
        rows += [(u, v, 1, "any"), (v, u, 1, "any")]
    add("florentine_families", ids + ["Pucci"] if "Pucci" not in ids else ids, rows)

    # directed real-looking: scale-free directed graph (Bollobás et al.), collapsed to simple, weighted
    S = nx.scale_free_graph(250, seed=114)
    r = random.Random(115)
    seen = {}
    for u, v in S.edges():
        if u != v:
            seen[(u, v)] = seen.get((u, v), 0) + 1
    add("scale_free_250", [f"sf{v}" for v in sorted(S.nodes())],
        [(f"sf{u}", f"sf{v}", w, "any") for (u, v), w in seen.items()])
    return cases


# ---------------------------------------------------------------- expected values

def build(ids, rows, domain):
    G = nx.DiGraph()
    G.add_nodes_from(ids)
    for s, t, w, d in rows:
        if s == t or (domain is not None and d != domain):
            continue
        if G.has_edge(s, t):
            G[s][t]["weight"] += w
        else:
            G.add_edge(s, t, weight=float(w))
    return G


def clean(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(x)


def expected_run(ids, rows, depts, args):
    domain = args[args.index("--domain") + 1] if "--domain" in args else None
    G = build(ids, rows, domain)
    n, m = G.number_of_nodes(), G.number_of_edges()
    indeg = dict(G.in_degree())
    net = {
        "people": n, "ties": m, "density": nx.density(G) if n > 1 else None,  # leadmap: null below 2 people (docs/metrics.md)
        "reciprocity": nx.overall_reciprocity(G) if m > 0 else None,
        "transitivity": nx.transitivity(G.to_undirected()),
        "weakComponents": nx.number_weakly_connected_components(G),
        "strongComponents": nx.number_strongly_connected_components(G),
        "inDegreeCentralization": (sum(max(indeg.values()) - d for d in indeg.values()) / (n - 1) ** 2) if n > 1 else None,
        "isolates": nx.number_of_isolates(G), "isolateIds": list(nx.isolates(G)),
    }
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
    bt = nx.betweenness_centrality(G, normalized=True)
    cl = nx.closeness_centrality(G)
    ev = ev_exact = None
    if m > 0:
        try:
            ev = nx.eigenvector_centrality(G, weight="weight")
        except nx.PowerIterationFailedConvergence:
            ev = None
        if ev is not None:
            ev_exact = nx.eigenvector_centrality(G, weight="weight", max_iter=100000, tol=1e-14)
    hubs = auth = None
    hits_ok = False
    if m > 0:
        hubs, auth = nx.hits(G, max_iter=10000, tol=1e-14)
        A = nx.to_numpy_array(G, nodelist=list(G), weight="weight")
        s = np.linalg.svd(A, compute_uv=False)
        hits_ok = bool(len(s) < 2 or s[1] < s[0] * (1 - 1e-3))
    people = {}
    for v in G:
        people[v] = {
            "inDegree": G.in_degree(v), "outDegree": G.out_degree(v),
            "inStrength": G.in_degree(v, weight="weight"), "outStrength": G.out_degree(v, weight="weight"),
            "pageRank": pr[v], "betweenness": bt[v], "closeness": cl[v],
            "eigenvector": None if ev is None else ev[v],
            "hubs": None if hubs is None else hubs[v], "authorities": None if auth is None else auth[v],
        }
    # analytics: pooled graph (all domains), as leadmap's analytics sections report "any"
    P = build(ids, rows, None)
    con = nx.constraint(P, weight="weight")
    x = [d for _, d in P.in_degree()]
    tot = sum(x)
    gini = None if tot == 0 else sum(abs(a - b) for a in x for b in x) / (2 * len(x) ** 2 * (tot / len(x)))
    k = math.ceil(0.1 * len(x))
    top = None if tot == 0 else sum(sorted(x, reverse=True)[:k]) / tot
    dep = depts_of(ids, depts)
    I = sum(1 for a, b in P.edges() if dep[a] == dep[b])
    E = P.number_of_edges() - I
    groups = {}
    for g in sorted(set(dep.values())):
        size = sum(1 for v in ids if dep[v] == g)
        gi = sum(1 for a, b in P.edges() if dep[a] == g and dep[b] == g)
        ge = sum(1 for a, b in P.edges() if dep[a] == g and dep[b] != g)
        groups[g] = {"size": size, "internal": gi, "external": ge, "ei": (ge - gi) / (ge + gi) if ge + gi else None}
    domains = sorted({d for s_, t_, _, d in rows if s_ != t_ and d != "any"})
    by_domain = {d: domain_expected(ids, rows, dep, d) for d in domains}
    by_domain["any"] = domain_expected(ids, rows, dep, None)
    return {
        "byDomain": by_domain,
        "args": args, "order": list(G), "network": net, "people": people,
        "eigenvectorExact": None if ev_exact is None else {v: ev_exact[v] for v in G},
        "hitsComparable": hits_ok,
        "constraint": {v: clean(c) for v, c in con.items()},
        "cutPoints": sorted(nx.articulation_points(P.to_undirected())),
        "gini": gini, "topShare": top,
        "ei": {"internal": I, "external": E, "ei": (E - I) / (E + I) if E + I else None, "groups": groups},
    }


JS_NUM = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")


def compare_ids(a, b):
    """leadmap's compareIds: numeric when both look numeric (JS Number), else code-unit order."""
    if a != "" and b != "" and JS_NUM.match(a) and JS_NUM.match(b) and float(a) != float(b):
        return -1 if float(a) < float(b) else 1
    ua, ub = a.encode("utf-16-be"), b.encode("utf-16-be")
    return -1 if ua < ub else (1 if ua > ub else 0)


def reach_frag(G, removed):
    """Reachability (share of ordered pairs with a directed path) and Borgatti fragmentation (undirected
    components) over the people not removed; None when fewer than 2 remain."""
    H = G.subgraph([v for v in G if v not in removed])
    n = H.number_of_nodes()
    if n < 2:
        return None, None
    pairs = sum(len(nx.descendants(H, v)) for v in H)
    frag = 1 - sum(len(c) * (len(c) - 1) for c in nx.weakly_connected_components(H)) / (n * (n - 1))
    return pairs / (n * (n - 1)), frag


def domain_expected(ids, rows, dep, domain):
    """Distribution, E-I, leaders and removal curve of one domain (None = all domains pooled)."""
    G = build(ids, rows, domain)
    n, m = G.number_of_nodes(), G.number_of_edges()
    x = [d for _, d in G.in_degree()]
    tot = sum(x)
    mean = tot / n
    sd = math.sqrt(sum((d - mean) ** 2 for d in x) / n)
    thr = max(3, mean + sd)
    indeg, instr = dict(G.in_degree()), dict(G.in_degree(weight="weight"))
    order = sorted(G, key=functools.cmp_to_key(lambda a, b: (indeg[b] - indeg[a]) or ((instr[b] > instr[a]) - (instr[b] < instr[a])) or compare_ids(a, b)))
    curve, removed = [], set()
    r0, f0 = reach_frag(G, removed)
    curve.append({"id": None, "reachability": r0, "fragmentation": f0})
    for v in order[: max(0, min(10, n - 2))]:
        if indeg[v] == 0:
            break
        removed.add(v)
        r, f = reach_frag(G, removed)
        curve.append({"id": v, "reachability": r, "fragmentation": f})
    I = sum(1 for a, b in G.edges() if dep[a] == dep[b])
    return {
        "people": n, "ties": m,
        "density": m / (n * (n - 1)) if n > 1 else None,
        "reciprocity": nx.overall_reciprocity(G) if m else None,
        "centralization": (sum(max(x) - d for d in x) / (n - 1) ** 2) if n > 1 else None,
        "gini": None if tot == 0 else sum(abs(a - b) for a in x for b in x) / (2 * n * n * mean),
        "topShare": None if tot == 0 else sum(sorted(x, reverse=True)[: math.ceil(0.1 * n)]) / tot,
        "leaders": sorted(v for v in G if indeg[v] >= thr),
        "ei": None if m == 0 else {"internal": I, "external": m - I, "ei": (m - 2 * I) / m},
        "removalCurve": curve,
    }


def depts_of(ids, depts):
    if depts:
        return {v: depts[v] for v in ids}
    return {v: DEPTS[i % len(DEPTS)] for i, v in enumerate(ids)}


def fmt(w):
    return str(int(w)) if float(w).is_integer() else repr(float(w))


def write_case(out, name, spec):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    dep = depts_of(spec["ids"], spec["depts"])
    with open(os.path.join(d, "roster.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "department"])
        for v in spec["ids"]:
            w.writerow([v, f"Person {v}", dep[v]])
    with open(os.path.join(d, "ties.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "relation", "domain", "weight"])
        for s, t, wt, dom in spec["rows"]:
            w.writerow([s, t, "advice", dom, fmt(wt)])
    runs = [expected_run(spec["ids"], spec["rows"], spec["depts"], a) for a in spec["runs"]]
    doc = {"case": name, "networkx": nx.__version__, "runs": runs}
    if not any(s != t for s, t, _, _ in spec["rows"]):
        # No tie survives: leadmap refuses such a tie file (exit 2, NO_ROWS for a header-only file); the
        # suite checks that, and checks coreMetrics on the tieless graph in-process against these values.
        doc["refused"] = "NO_ROWS" if not spec["rows"] else "self-ties only"
    with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=None)
        f.write("\n")


def main():
    out = sys.argv[1]
    only = set(sys.argv[2:])
    for name, spec in case_defs().items():
        if only and name not in only:
            continue
        write_case(out, name, spec)
        print(name, len(spec["ids"]), "people", len(spec["rows"]), "rows")


if __name__ == "__main__":
    main()
