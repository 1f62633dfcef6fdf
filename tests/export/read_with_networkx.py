"""Reads an exported file with NetworkX's own reader (or, for CSV, Python's csv module) and prints
what it got as JSON.

Usage: read_with_networkx.py graphml|gexf|cyjs|csv PATH
The graph is printed as {version, directed, multigraph, graph, nodes: {id: attrs}, edges: [[u, v, key, attrs]]},
keeping the Python types of attribute values (int, float, bool, str, list), so the test can see
what a reader typed. A CSV file is printed as {rows: [{column: text}]}. Any reader error ends the
process non-zero with the error on stderr.
"""
import csv
import json
import sys


def read(fmt, path):
    import networkx as nx

    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    if fmt == "cyjs":
        with open(path, encoding="utf-8") as f:
            return nx.cytoscape_graph(json.load(f))
    raise SystemExit(f"unknown format {fmt}")


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt == "csv":
        # newline="" as the csv module asks, so line breaks inside quoted cells are kept.
        with open(path, encoding="utf-8", newline="") as f:
            json.dump({"rows": list(csv.DictReader(f, strict=True))}, sys.stdout)
        return
    import networkx as nx

    g = read(fmt, path)
    if g.is_multigraph():
        edges = [[u, v, k, d] for u, v, k, d in g.edges(keys=True, data=True)]
    else:
        edges = [[u, v, None, d] for u, v, d in g.edges(data=True)]
    out = {
        "version": nx.__version__,
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": g.graph,
        "nodes": {str(n): d for n, d in g.nodes(data=True)},
        "edges": edges,
    }
    # Anything JSON cannot carry (a tuple of a dynamic attribute, say) is shown by its repr.
    json.dump(out, sys.stdout, default=repr)


if __name__ == "__main__":
    main()
