#!/usr/bin/env python3
"""Reference values for leadmap's core network metrics, computed with networkx.

Usage:
    python3 test/reference/make_reference.py [DATASETS_DIR]
DATASETS_DIR defaults to $LEADMAP_DATASETS, else ../shared/datasets beside the repository.

Writes, next to this script:
  core-<dataset>.json  per-person and network metrics of the three real networks (derived numbers only;
                       the tie lists themselves are not copied);
  core-synthetic.json  a seeded random graph (generated here, edges included) with isolates, several
                       components and tie strengths 1-4, so that isolates, unreachable pairs and
                       equal-length weighted paths are exercised.

Graphs mirror leadmap's OrgGraph: a networkx DiGraph with every roster person as a node (roster order,
isolates included), then the ties of one relation in file order; repeated (source, target) rows are summed,
self-ties dropped. Weight is a strength; weighted path metrics use distance = 1/weight.
Run with networkx 3.6 (the version used to produce the committed files is recorded in each file).
"""
import csv
import json
import os
import random
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = [
    ("lazega_lawfirm", "advice"),
    ("krackhardt_hightech", "advice"),
    ("uk_faculty", "friendship"),
]


def datasets_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    env = os.environ.get("LEADMAP_DATASETS")
    if env:
        return env
    return os.path.join(HERE, "..", "..", "..", "shared", "datasets")


def load(root, name, relation):
    with open(os.path.join(root, name, "roster.csv"), newline="", encoding="utf-8-sig") as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    G = nx.DiGraph()
    G.add_nodes_from(ids)
    with open(os.path.join(root, name, "ties.csv"), newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["relation"] != relation:
                continue
            s, t, w = row["source"], row["target"], float(row["weight"])
            if s == t or s not in G or t not in G:
                continue
            if G.has_edge(s, t):
                G[s][t]["weight"] += w
            else:
                G.add_edge(s, t, weight=w)
    return G


def synthetic():
    """60 people, three groups with ties only inside groups, 6 isolates, strengths 1-4 (seed 20240611)."""
    rng = random.Random(20240611)
    G = nx.DiGraph()
    ids = [f"p{i:02d}" for i in range(60)]
    G.add_nodes_from(ids)
    groups = [ids[0:30], ids[30:45], ids[45:54]]  # p54..p59 stay isolates
    for g in groups:
        for s in g:
            for t in g:
                if s != t and rng.random() < 0.2:
                    G.add_edge(s, t, weight=float(rng.choice([1, 2, 2, 4])))
    return G


def tight_pagerank(G):
    return nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)


def eig_or_none(G, **kw):
    try:
        return nx.eigenvector_centrality(G, weight="weight", **kw)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        return None


def in_degree_centralization(G):
    n = len(G)
    if n < 2:
        return 0.0
    d = dict(G.in_degree())
    mx = max(d.values())
    return sum(mx - v for v in d.values()) / ((n - 1) ** 2)


def metrics(G):
    D = G.copy()
    for _, _, a in D.edges(data=True):
        a["distance"] = 1.0 / a["weight"]
    pr = tight_pagerank(G)
    bc = nx.betweenness_centrality(G, normalized=True)
    bcw = nx.betweenness_centrality(D, normalized=True, weight="distance")
    cl = nx.closeness_centrality(G, wf_improved=True)
    clw = nx.closeness_centrality(D, wf_improved=True, distance="distance")
    ev = eig_or_none(G)
    evt = eig_or_none(G, tol=1e-14, max_iter=100000)
    hubs, auth = nx.hits(G)
    people = []
    for v in G:
        people.append({
            "id": v,
            "inDegree": G.in_degree(v),
            "outDegree": G.out_degree(v),
            "inStrength": G.in_degree(v, weight="weight"),
            "outStrength": G.out_degree(v, weight="weight"),
            "pageRank": pr[v],
            "betweenness": bc[v],
            "betweennessWeighted": bcw[v],
            "closeness": cl[v],
            "closenessWeighted": clw[v],
            "eigenvector": None if ev is None else ev[v],
            "eigenvectorTight": None if evt is None else evt[v],
            "hubs": hubs[v],
            "authorities": auth[v],
        })
    order = {v: i for i, v in enumerate(G)}

    def comps(cs):
        lists = [sorted(c, key=order.get) for c in cs]
        return sorted(lists, key=lambda c: order[c[0]])

    network = {
        "people": G.number_of_nodes(),
        "ties": G.number_of_edges(),
        "density": nx.density(G),
        "reciprocity": nx.overall_reciprocity(G) if G.number_of_edges() else None,
        "transitivity": nx.transitivity(G.to_undirected()),
        "weakComponents": nx.number_weakly_connected_components(G),
        "strongComponents": nx.number_strongly_connected_components(G),
        "inDegreeCentralization": in_degree_centralization(G),
        "isolates": {"count": nx.number_of_isolates(G), "ids": [v for v in G if G.degree(v) == 0]},
    }
    return {
        "network": network,
        "people": people,
        "weakComponentMembers": comps(nx.weakly_connected_components(G)),
        "strongComponentMembers": comps(nx.strongly_connected_components(G)),
    }


def write(name, payload):
    path = os.path.join(HERE, f"core-{name}.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    print("wrote", path)


def main():
    root = datasets_dir()
    calls = {
        "pageRank": "pagerank(G, alpha=0.85, weight='weight', tol=1e-15, max_iter=100000)",
        "betweenness": "betweenness_centrality(G, normalized=True)",
        "betweennessWeighted": "betweenness_centrality(G, normalized=True, weight='distance'), distance = 1/weight",
        "closeness": "closeness_centrality(G, wf_improved=True)",
        "closenessWeighted": "closeness_centrality(G, wf_improved=True, distance='distance'), distance = 1/weight",
        "eigenvector": "eigenvector_centrality(G, weight='weight') (defaults max_iter=100, tol=1e-6); null if it raises",
        "eigenvectorTight": "eigenvector_centrality(G, weight='weight', tol=1e-14, max_iter=100000)",
        "hubs/authorities": "hits(G) (weighted adjacency, normalized=True)",
        "transitivity": "transitivity(G.to_undirected())",
        "reciprocity": "overall_reciprocity(G)",
        "inDegreeCentralization": "Freeman: sum(max in-degree - in-degree) / (n-1)^2, computed directly",
    }
    for name, relation in DATASETS:
        G = load(root, name, relation)
        write(name, {
            "source": f"{name}/ties.csv relation {relation}, nodes = roster.csv (isolates included)",
            "networkx": nx.__version__,
            "calls": calls,
            **metrics(G),
        })
    S = synthetic()
    write("synthetic", {
        "source": "make_reference.py synthetic(): seeded random graph, generated here",
        "networkx": nx.__version__,
        "calls": calls,
        "nodes": list(S),
        "edges": [[s, t, a["weight"]] for s, t, a in S.edges(data=True)],
        **metrics(S),
    })


if __name__ == "__main__":
    main()
