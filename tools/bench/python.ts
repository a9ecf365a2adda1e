/**
 * The igraph and networkx side of the benchmark: one Python script, run per step as
 *   python3 steps.py <igraph|networkx> <task> <args…>
 * printing one JSON line {"ms": …} like the leadmap steps. Reading the file is timed only in "ingest".
 * Both libraries read a whitespace-separated twin of the tie CSV (same rows: "source target weight"),
 * the format of igraph's C reader Read_Ncol.
 */
export const STEPS_PY = String.raw`
import json, sys, time

def now():
    return time.perf_counter()

def main():
    tool, task, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    out = {}
    if tool == 'igraph':
        import igraph as ig
        def load(p):
            g = ig.Graph.Read_Ncol(p, names=True, weights=True, directed=True)
            g.simplify(multiple=True, loops=True, combine_edges='sum')
            return g
        if task == 'ingest':
            t = now(); g = ig.Graph.Read_Ncol(args[0], names=True, weights=True, directed=True)
            out = {'ms': (now() - t) * 1000, 'n': g.vcount(), 'm': g.ecount()}
        elif task == 'betweenness':
            g = load(args[0]); t = now(); g.betweenness(directed=True); out = {'ms': (now() - t) * 1000}
        elif task == 'closeness':
            g = load(args[0]); t = now(); g.closeness(mode='in'); out = {'ms': (now() - t) * 1000}
        elif task == 'pagerank':
            g = load(args[0]); t = now(); g.pagerank(weights='weight', damping=0.85, implementation='prpack'); out = {'ms': (now() - t) * 1000}
        elif task == 'louvain':
            g = load(args[0]); u = g.as_undirected(combine_edges='sum')
            t = now(); c = u.community_multilevel(weights='weight'); ms = (now() - t) * 1000
            out = {'ms': ms, 'communities': len(c), 'modularity': u.modularity(c, weights='weight')}
        elif task == 'school':
            t = now(); g = load(args[0])
            g.pagerank(weights='weight'); g.betweenness(directed=True); g.closeness(mode='in')
            g.eigenvector_centrality(directed=True, weights='weight'); g.hub_score(weights='weight'); g.authority_score(weights='weight')
            out = {'ms': (now() - t) * 1000}
        else:
            raise SystemExit('unknown task ' + task)
    else:
        import networkx as nx
        def load(p):
            return nx.read_weighted_edgelist(p, create_using=nx.DiGraph)
        if task == 'ingest':
            t = now(); g = load(args[0]); out = {'ms': (now() - t) * 1000, 'n': g.number_of_nodes(), 'm': g.number_of_edges()}
        elif task == 'pagerank':
            g = load(args[0]); t = now(); nx.pagerank(g, alpha=0.85, tol=1e-10 / g.number_of_nodes(), weight='weight'); out = {'ms': (now() - t) * 1000}
        elif task == 'louvain':
            g = load(args[0]); u = g.to_undirected()
            t = now(); c = nx.community.louvain_communities(u, weight='weight', seed=1); ms = (now() - t) * 1000
            out = {'ms': ms, 'communities': len(c), 'modularity': nx.community.modularity(u, c, weight='weight')}
        elif task == 'betweenness':
            g = load(args[0]); t = now(); nx.betweenness_centrality(g); out = {'ms': (now() - t) * 1000}
        elif task == 'closeness':
            g = load(args[0]); t = now(); nx.closeness_centrality(g); out = {'ms': (now() - t) * 1000}
        elif task == 'school':
            t = now(); g = load(args[0])
            nx.pagerank(g, weight='weight'); nx.betweenness_centrality(g); nx.closeness_centrality(g)
            nx.eigenvector_centrality(g, weight='weight', max_iter=1000); nx.hits(g)
            out = {'ms': (now() - t) * 1000}
        else:
            raise SystemExit('unknown task ' + task)
    print(json.dumps(out))

main()
`;
