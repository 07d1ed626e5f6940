"""Bayesian model averaging over decomposable graphical models for 3, 4 or 5 lists.

The method of Madigan & York (1997), "Bayesian methods for estimation of the size of a
closed population", *Biometrika* 84(1):19-34, as used through HRDAG's R package
``dga`` (Johndrow & Lum). Written here from the published formulas (our own code; no
code from ``dga`` is used). Counts are persons; ``n`` is the number of distinct people
on at least one list, ``N`` the population, ``n0 = N - n`` the people on no list.

Model
    The 2^3 capture table (the seven observed patterns plus the unobserved cell
    ``"000"`` holding ``n0``) is multinomial with ``N`` trials and cell probabilities
    ``theta``. A *decomposable graphical model* says which lists may depend on each
    other: an edge i-j allows list i and list j to be dependent; lists not joined by
    a path are independent; and lists i and k joined only through j are independent
    given j. :func:`bma` averages over every decomposable (chordal) graph: 8, 61 and
    822 graphs on 3, 4 and 5 lists (as ``dga``'s ``graphs3/4/5``), generated here by
    enumerating all edge sets and keeping the chordal ones (maximum cardinality
    search, Tarjan & Yannakakis 1984), cached. On three lists all 8 graphs are
    decomposable: no edge
    (independence), one edge (3 graphs), two edges (3 graphs), all three edges (the
    complete graph). The complete graph is the *saturated* model: it includes the
    three-way interaction, so it is **not** the log-linear "all two-way interactions"
    model of :func:`syriastats.mse.compare_models` (whose N has a maximum-likelihood
    estimate; the saturated model's has not - here only the prior identifies it).
    The other seven graphs are exactly the log-linear models with the same pairwise
    terms.

Prior
    * Cell probabilities: the hyper-Dirichlet prior (Dawid & Lauritzen 1993) that is
      the restriction to the graph of one Dirichlet(``delta``, ..., ``delta``)
      distribution on the 8 cells. A clique (or separator) ``C`` of the graph gets a
      Dirichlet prior on its marginal table whose ``2^|C|`` cells each have parameter
      ``delta * 2^(3 - |C|)``; the total prior weight is ``8 * delta`` imaginary
      persons, whatever the graph. ``delta`` is ``dga``'s ``delta`` argument; its
      help page (``bma.cr``) suggests ``2^-p`` for ``p`` lists, i.e. ``1/8`` here -
      the default :data:`DEFAULT_DELTA`: one imaginary person spread evenly over the
      8 cells. Madigan & York's three-list example uses ``delta = 1``. Larger
      ``delta`` pulls the table towards equal cells, which favours models with more
      edges and larger ``N``.
    * Population size: ``prior_n="1/N"`` is Madigan & York's improper prior
      ``p(N) proportional to 1/N``; ``"1/n0"`` is ``dga``'s literal code default
      (``logprior = -log(Nmissing)``, proportional to ``1/(N - n)``, so ``N = n`` is
      excluded); ``"uniform"`` is flat on the grid. A callable gives any log prior
      (it receives the array of ``N`` values). The prior is truncated at ``n_max``;
      with an improper prior the posterior depends on that truncation only if the
      posterior mass near ``n_max`` is not negligible (flagged when the last tenth of
      the grid holds more than 0.1 % of the posterior).
    * Graphs: equal prior probability 1/8 each (``dga``'s default), or 1/7 each and
      0 for the complete graph with ``exclude_saturated=True`` (as the Gaza
      capture-recapture study dropped the saturated log-linear model).

Formulas (per graph ``G`` with cliques ``C`` and separators ``S``, for each ``N``)
    ``log p(table | N, G) = log N! - log n0! - sum_h log n_h!
    + sum_C log E_C(N) - sum_S log E_S(N)``,
    where for a marginal table with counts ``d_j`` (``n0`` added to its all-zero
    cell) and Dirichlet parameters ``a = delta 2^(k-|C|)`` per cell, ``A = 2^k delta``
    in total (formulas written for k = 3 elsewhere in this docstring generalise the same
    way), ``log E_C = lgamma(A) - lgamma(A + N) + sum_j [lgamma(a + d_j) -
    lgamma(a)]`` (the Dirichlet-multinomial probability of one ordered sequence;
    empty separators contribute 0). The first three terms are the multinomial
    coefficient, which depends on ``N`` through ``N!/n0!``. Posterior:
    ``p(G, N | data) proportional to p(G) p(N) p(table | N, G)``, normalised over
    the graphs and ``N = n .. n_max``. Computed in log space and vectorised over
    ``N`` (``scipy.special.gammaln``, ``logsumexp``). ``dga`` expects its array with
    the first list varying fastest; here the input is pattern strings, so the order
    of cells cannot be confused.

Check
    Madigan & York's three-list example (spina bifida counts 60, 49, 4, 247, 112,
    142, 12; ``delta = 1``; their negative-binomial prior on N with a = 13.14,
    b = 55.17; 1 to 300 missing), as printed in ``dga``'s test file
    ``tests/testthat/test-BMAfunctions.R``: top graph posterior probability 0.37,
    Bayes estimate (relative squared error loss, E[1/N]/E[1/N^2]) 731 under the top
    graph and averaged, posterior mode 729 (top graph) and 728 (averaged). All five
    are reproduced (``tests/test_mse_bma.py``).

Outputs and what the interval means
    Posterior model probabilities (row sums), the model-averaged posterior of ``N``
    (column sums), its median, mean and mode, and the 95 % *equal-tailed credible
    interval*: the 2.5 % and 97.5 % posterior quantiles of ``N`` (smallest grid
    value whose cumulative posterior reaches the level). Given the priors and the
    eight candidate models, there is a 95 % posterior probability that ``N`` lies in
    it; it averages over model uncertainty (it is wider than any single model's
    interval when the models disagree), but it is not a frequentist confidence
    interval and inherits every assumption below. Per-graph posteriors of ``N``
    (conditional on the graph) are also given.

    Five lists: ``dga``'s documented example (``man/bma.cr.Rd``: Madigan & York's
    five-list counts, ``delta = 0.5``, 1 to 300 missing, default prior) printed its
    top ten graphs in ``figures/table.html`` of the ``cran/dga`` repository. Under the
    1/N prior all ten posterior probabilities are reproduced to the 8 printed
    decimals, and every printed mode and 2.5 %/97.5 % quantile is reproduced once one
    notices that the printed N axis is offset by 89 (the README computed the summaries
    with the ``N`` left over from the three-list example, whose total is 626 rather
    than 537); see ``tests/test_mse_bma_k.py``. The same run with ``"1/n0"`` gives
    different probabilities, so the prior named matters.

    Cost: for ``G`` graphs and a grid of ``L`` values of N, one ``(G x 2^k-1) @
    (2^k-1 x L)`` product plus one exponential per (graph, N) cell, in blocks of graphs
    (memory stays bounded); 5 lists with a grid of 78,000 values of N take about 3.5 s
    of CPU (``benchmarks/bench_bma.py``).

Limits
    * At most 5 lists (6 lists would have 18,154 graphs).
    * Decomposable graphical models only: the log-linear "all two-way, no three-way"
      model is not among them.
    * Closed population, perfect record linkage, and homogeneous capture
      probabilities within each graph: individual heterogeneity in the chance of
      being recorded that is shared across lists (e.g. some victims are harder to
      document by every list) shows up as positive dependence the graphs can only
      partly absorb and typically biases ``N`` downwards. Stratify (by place, time,
      victim type) before estimating, as HRDAG does, or use a latent-class model.
    * The result depends on ``delta`` and on the prior on ``N``; report them.
    * When no graph with fewer than three edges fits, the complete graph takes the
      posterior, and its ``N`` is fixed by the prior alone: with small ``delta`` the
      posterior then piles up near ``N = n`` ("nobody was missed"), which is an
      artefact, not evidence (flagged). The three Kosovo lists EXH, ABA, OSCE do
      this. Look at ``model_probs`` and at ``exclude_saturated=True`` before quoting.
"""
from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field
from numbers import Integral, Real
from typing import Any, Callable, Mapping, Sequence, Union

import numpy as np
import pandas as pd
from scipy.special import gammaln, logsumexp

from syriastats.mse import ModelError, PatternError, normalise_patterns

__all__ = [
    "BMAResult",
    "DEFAULT_DELTA",
    "GRAPHS_3",
    "MAX_BMA_LISTS",
    "N_MAX_FACTOR",
    "bma",
    "bma_three_lists",
    "decomposable_graphs",
    "is_decomposable",
    "log_table_probability",
]

#: dga's suggested hyper-Dirichlet parameter ``2^-p`` for ``p = 3`` lists.
DEFAULT_DELTA = 2.0**-3
#: Default upper end of the grid: ``n_max = N_MAX_FACTOR * observed`` (number missing
#: up to 10 x observed, the range HRDAG's stratified dga runs used; methods.md 1.2).
N_MAX_FACTOR = 11
#: Most lists handled by :func:`bma` (822 graphs on 5 lists; 6 would be 18,154).
MAX_BMA_LISTS = 5
#: The 8 decomposable graphs on lists 0, 1, 2, as tuples of edges (sorted pairs).
GRAPHS_3: tuple[tuple[tuple[int, int], ...], ...] = tuple(
    tuple(sub) for r in range(4) for sub in itertools.combinations([(0, 1), (0, 2), (1, 2)], r)
)
#: ``joint_prob`` is kept by default when graphs x grid has at most this many cells.
JOINT_MAX_CELLS = 5_000_000
#: Graphs are processed in blocks of about this many (graph, N) cells.
CHUNK_CELLS = 2_000_000
#: Share of the posterior allowed in the top tenth of the N grid before a flag.
TAIL_FLAG = 1e-3

PriorN = Union[str, Callable[[np.ndarray], np.ndarray]]


# --------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class BMAResult:
    """Model-averaged posterior of a population size from 3 to 5 lists.

    Attributes:
        n_median, n_mean, n_mode: posterior median, mean and mode of N (persons),
            averaged over the graphs.
        ci_low, ci_high: equal-tailed credible interval for N at ``level`` (persons):
            the (1-level)/2 and (1+level)/2 posterior quantiles.
        observed: persons on at least one list.
        model_probs: DataFrame, one row per graph, sorted by ``posterior_prob``
            descending (ties: fewer edges first): ``model`` (text), ``edges`` (tuple
            of 0-based list pairs), ``n_edges``, ``prior_prob``, ``posterior_prob``,
            and the posterior of N given that graph: ``n_median``, ``n_mean``,
            ``ci_low``, ``ci_high``, ``n_bayes`` (persons; NaN for a graph of
            posterior probability 0).
        posterior_n: DataFrame ``N`` (persons, observed..n_max) and ``prob``
            (model-averaged posterior probability; sums to 1).
        level: credible level of the interval.
        prior_delta: hyper-Dirichlet parameter per cell of the full 2^k table.
        prior_n: name of the prior on N (``"callable"`` for a user function).
        n_max: upper end of the grid of N.
        list_names: names of the lists, in pattern order.
        exclude_saturated: whether the complete graph had prior probability 0.
        flags: warnings (empty when none).
        joint_prob: array (graphs in :func:`decomposable_graphs` order - for three
            lists :data:`GRAPHS_3` - x grid of N) of joint posterior probabilities
            p(graph, N | data); rows sum to the model probabilities, columns to
            ``posterior_n.prob``. Empty (0 x 0) when not kept (``keep_joint``).
        n_bayes: Madigan & York's Bayes estimate under relative squared error loss,
            ``E[1/N] / E[1/N^2]`` (persons; what ``dga`` prints as "Bayes est.").
    """

    n_median: float
    n_mean: float
    ci_low: float
    ci_high: float
    observed: int
    model_probs: pd.DataFrame
    posterior_n: pd.DataFrame
    n_mode: float = math.nan
    level: float = 0.95
    prior_delta: float = DEFAULT_DELTA
    prior_n: str = "1/N"
    n_max: int = 0
    list_names: tuple[str, ...] = ("list0", "list1", "list2")
    exclude_saturated: bool = False
    flags: tuple[str, ...] = ()
    joint_prob: np.ndarray = field(default_factory=lambda: np.empty((0, 0)), repr=False)
    n_bayes: float = math.nan

    @property
    def n_unobserved_median(self) -> float:
        """Posterior median of the number of people on no list (persons)."""
        return self.n_median - self.observed

    def to_dict(self) -> dict[str, Any]:
        """Plain-Python dictionary (JSON-friendly). The joint array is left out; the
        posterior of N is given as two lists ``N`` and ``prob``."""
        models = []
        for rec in self.model_probs.to_dict(orient="records"):
            rec = {k: (v.item() if isinstance(v, np.generic) else v) for k, v in rec.items()}
            rec["edges"] = [list(e) for e in rec["edges"]]
            models.append(rec)
        return {
            "n_median": float(self.n_median), "n_mean": float(self.n_mean),
            "n_mode": float(self.n_mode), "ci_low": float(self.ci_low),
            "ci_high": float(self.ci_high), "level": float(self.level),
            "observed": int(self.observed),
            "n_unobserved_median": float(self.n_unobserved_median),
            "prior_delta": float(self.prior_delta), "prior_n": self.prior_n,
            "n_max": int(self.n_max), "list_names": list(self.list_names),
            "exclude_saturated": bool(self.exclude_saturated),
            "flags": list(self.flags), "model_probs": models,
            "posterior_n": {"N": [int(v) for v in self.posterior_n["N"]],
                            "prob": [float(v) for v in self.posterior_n["prob"]]},
        }


# --------------------------------------------------------------------------------------
# Graph structure and marginal likelihood
# --------------------------------------------------------------------------------------


def _mcs_order(adj: list[set[int]], k: int) -> list[int]:
    """Maximum cardinality search: repeatedly number the vertex with most numbered
    neighbours (ties: smallest index). Deterministic."""
    order: list[int] = []
    weight = [0] * k
    left = set(range(k))
    while left:
        v = max(sorted(left), key=lambda u: weight[u])
        order.append(v)
        left.remove(v)
        for u in adj[v]:
            if u in left:
                weight[u] += 1
    return order


def _search_order(edges: Sequence[Sequence[int]], k: int
                  ) -> tuple[list[set[int]], list[int], dict[int, int]]:
    """Adjacency sets of the graph on 0..k-1, its maximum cardinality search order and
    each vertex's position in that order."""
    adj: list[set[int]] = [set() for _ in range(k)]
    for i, j in edges:
        adj[i].add(j)
        adj[j].add(i)
    order = _mcs_order(adj, k)
    return adj, order, {v: i for i, v in enumerate(order)}


def is_decomposable(edges: Sequence[Sequence[int]], k: int) -> bool:
    """Whether the graph on vertices 0..k-1 is decomposable (chordal: every cycle of
    four or more vertices has a chord). Tarjan & Yannakakis (1984): in a maximum
    cardinality search order, the earlier neighbours of every vertex must be joined
    to each other."""
    adj, order, pos = _search_order(edges, k)
    for v in order:
        earlier = [u for u in adj[v] if pos[u] < pos[v]]
        if any(b not in adj[a] for a, b in itertools.combinations(earlier, 2)):
            return False
    return True


@functools.lru_cache(maxsize=None)
def decomposable_graphs(k: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    """All decomposable graphs on lists 0..k-1 (as ``dga``'s ``graphs3/4/5``).

    Every subset of the ``k(k-1)/2`` possible edges is generated (ordered by number of
    edges, then in :func:`itertools.combinations` order) and kept if decomposable:
    8, 61 and 822 graphs for 3, 4 and 5 lists. Cached.

    Returns:
        tuple of graphs, each a tuple of edges ``(i, j)`` with ``i < j``; the first is
        the empty graph (independence), the last the complete graph (saturated).
    """
    if isinstance(k, bool) or not isinstance(k, Integral) or not 2 <= k <= MAX_BMA_LISTS:
        raise ModelError(f"model averaging handles 2 to {MAX_BMA_LISTS} lists, got {k!r}")
    pairs = list(itertools.combinations(range(k), 2))
    return tuple(tuple(sub) for r in range(len(pairs) + 1)
                 for sub in itertools.combinations(pairs, r) if is_decomposable(sub, k))


def _cliques_separators(
    edges: tuple[tuple[int, int], ...], k: int = 3
) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """Maximal cliques in a running-intersection order, and the non-empty separators,
    of a decomposable graph on vertices 0..k-1.

    In a maximum cardinality search order, each vertex with its earlier neighbours is
    a clique; the maximal ones, in the order of their last vertex, have the running
    intersection property (each clique meets the union of the earlier ones in a subset
    of one earlier clique: the separator). Checked here; a failure means the graph
    is not decomposable."""
    adj, order, pos = _search_order(edges, k)
    cands = [frozenset([v] + [u for u in adj[v] if pos[u] < pos[v]]) for v in order]
    cliques = [c for i, c in enumerate(cands)
               if not any(c < d for d in cands) and c not in cands[:i]]
    ordered: list[tuple[int, ...]] = []
    separators: list[tuple[int, ...]] = []
    seen: set[int] = set()
    for c in cliques:
        sep = set(c) & seen
        if ordered and not any(sep <= set(o) for o in ordered):
            raise ModelError(f"graph {edges!r} is not decomposable")
        if any(b not in adj[a] for a, b in itertools.combinations(c, 2)):
            raise ModelError(f"graph {edges!r} is not decomposable")
        ordered.append(tuple(sorted(c)))
        if sep and ordered[:-1]:
            separators.append(tuple(sorted(sep)))
        seen |= set(c)
    return ordered, separators


@functools.lru_cache(maxsize=None)
def _structure(k: int) -> tuple[tuple[tuple[int, ...], ...], np.ndarray]:
    """Non-empty vertex subsets and the (graphs x subsets) matrix of +1 per clique and
    -1 per separator (a separator may repeat), so that for every graph
    ``sum_C log E_C - sum_S log E_S`` is one row of a matrix product. Cached."""
    graphs = decomposable_graphs(k)
    subsets = tuple(s for r in range(1, k + 1) for s in itertools.combinations(range(k), r))
    index = {s: i for i, s in enumerate(subsets)}
    inc = np.zeros((len(graphs), len(subsets)))
    for g, edges in enumerate(graphs):
        cliques, seps = _cliques_separators(edges, k)
        for c in cliques:
            inc[g, index[c]] += 1
        for s in seps:
            inc[g, index[s]] -= 1
    inc.setflags(write=False)
    return subsets, inc


def _log_e(table: np.ndarray, subset: tuple[int, ...], n0: np.ndarray, delta: float,
           k: int) -> np.ndarray:
    """log E_C(N): log Dirichlet-multinomial probability of one ordered sequence with
    the marginal counts on ``subset``; ``table`` has 0 in its all-zero cell, to which
    ``n0`` (vector) is added."""
    axes = tuple(i for i in range(k) if i not in subset)
    marg = table.sum(axis=axes).ravel()  # C order: first entry is the all-zero cell
    a = delta * 2.0 ** (k - len(subset))
    big_a = delta * 2.0**k
    n_total = float(table.sum()) + n0
    rest = float(np.sum(gammaln(a + marg[1:]) - gammaln(a)))
    return (gammaln(big_a) - gammaln(big_a + n_total)
            + gammaln(a + marg[0] + n0) - gammaln(a) + rest)


def _log_e_matrix(table: np.ndarray, n0: np.ndarray, delta: float) -> np.ndarray:
    """(subsets x len(n0)) array of log E_S(N), subsets in :func:`_structure` order."""
    k = table.ndim
    subsets, _ = _structure(k)
    return np.vstack([_log_e(table, s, n0, delta, k) for s in subsets])


def _log_coef(table: np.ndarray, n0: np.ndarray) -> np.ndarray:
    """log of the multinomial coefficient N! / (n0! prod_h n_h!)."""
    n = float(table.sum())
    return (gammaln(n + n0 + 1) - gammaln(n0 + 1)
            - float(np.sum(gammaln(table.ravel()[1:] + 1))))


def _log_lik_matrix(table: np.ndarray, n0: np.ndarray, delta: float,
                    rows: slice = slice(None)) -> np.ndarray:
    """(graphs x len(n0)) array of log p(table | N, graph), graphs in
    :func:`decomposable_graphs` order (``rows`` selects a block of graphs)."""
    _, inc = _structure(table.ndim)
    return _log_coef(table, n0)[None, :] + inc[rows] @ _log_e_matrix(table, n0, delta)


def _check_delta(delta: Any) -> float:
    if isinstance(delta, (bool, np.bool_)) or not isinstance(delta, Real) \
            or not math.isfinite(float(delta)) or float(delta) <= 0:
        raise ModelError(f"prior_delta must be a positive finite number, got {delta!r}")
    return float(delta)


def _table_from_patterns(pats: Mapping[str, int]) -> np.ndarray:
    """2 x ... x 2 array indexed [bit of list 0, list 1, ...]; all-zero cell 0."""
    k = len(next(iter(pats)))
    table = np.zeros((2,) * k)
    for p, c in pats.items():
        table[tuple(int(ch) for ch in p)] = c
    return table


def log_table_probability(
    full_counts: Mapping[str, Any],
    edges: Sequence[Sequence[int]] = (),
    *,
    prior_delta: float = DEFAULT_DELTA,
    n_lists: int = 3,
) -> float:
    """Marginal probability (log) of a complete 2^k table under one graph.

    Args:
        full_counts: pattern -> persons for the observable patterns and the all-zero
            pattern (``"000"`` for three lists: the people on no list, i.e. ``N - n``);
            missing patterns count 0. Every pattern has ``n_lists`` characters.
        edges: the graph, as pairs of 0-based list indices (a decomposable graph).
        prior_delta: hyper-Dirichlet parameter per cell.
        n_lists: number of lists k (2 to 5; default 3).

    Returns:
        ``log p(table | N, graph)``: the multinomial probability of the table
        integrated over the hyper-Dirichlet prior of the cell probabilities, with
        ``N`` the table total (formula in the module docstring).
    """
    delta = _check_delta(prior_delta)
    if isinstance(n_lists, bool) or not isinstance(n_lists, Integral) \
            or not 2 <= n_lists <= MAX_BMA_LISTS:
        raise ModelError(f"n_lists must be an integer from 2 to {MAX_BMA_LISTS}, got {n_lists!r}")
    k = int(n_lists)
    cells = {format(i, f"0{k}b") for i in range(2**k)}
    table = np.zeros((2,) * k)
    for key, value in full_counts.items():
        if not isinstance(key, str) or key not in cells:
            raise PatternError(f"cell {key!r} is not a pattern of {k} lists "
                               f"({'0' * k!r}..{'1' * k!r})")
        table[tuple(int(ch) for ch in key)] = _count(value)
    zero = (0,) * k
    n0v = np.array([table[zero]])
    table[zero] = 0.0
    g = tuple(sorted({tuple(sorted(int(i) for i in e)) for e in edges}))
    graphs = decomposable_graphs(k)
    if g not in graphs:
        raise ModelError(f"edges {edges!r} are not a graph on lists 0..{k - 1} (or not "
                         "a decomposable one)")
    row = _log_lik_matrix(table, n0v, delta, slice(graphs.index(g), graphs.index(g) + 1))
    return float(row[0, 0])


def _count(v: Any) -> int:
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, Real) or not math.isfinite(
            float(v)) or float(v) != math.floor(float(v)) or float(v) < 0:
        raise PatternError(f"count {v!r} must be a non-negative integer")
    return int(v)


# --------------------------------------------------------------------------------------
# Main function
# --------------------------------------------------------------------------------------


def _log_prior_n(prior_n: PriorN, n_grid: np.ndarray, observed: int) -> tuple[np.ndarray, str]:
    if callable(prior_n):
        lp = np.asarray(prior_n(n_grid.copy()), dtype=float)
        if lp.shape != n_grid.shape:
            raise ModelError(f"prior_n callable returned shape {lp.shape}, expected "
                             f"{n_grid.shape}")
        if np.any(np.isnan(lp)) or np.any(lp == np.inf):
            raise ModelError("prior_n callable returned NaN or +inf")
        return lp, "callable"
    if prior_n == "1/N":
        return -np.log(n_grid.astype(float)), "1/N"
    if prior_n == "1/n0":
        n0 = (n_grid - observed).astype(float)
        with np.errstate(divide="ignore"):
            return np.where(n0 > 0, -np.log(np.where(n0 > 0, n0, 1.0)), -np.inf), "1/n0"
    if prior_n == "uniform":
        return np.zeros(n_grid.shape), "uniform"
    raise ModelError(f"prior_n must be '1/N', '1/n0', 'uniform' or a callable, got {prior_n!r}")


def _quantile(n_grid: np.ndarray, prob: np.ndarray, q: float) -> float:
    """Smallest N whose cumulative posterior probability reaches q."""
    cdf = np.cumsum(prob)
    i = int(np.searchsorted(cdf, q - 1e-12, side="left"))
    return float(n_grid[min(i, len(n_grid) - 1)])


def _summaries(n_grid: np.ndarray, prob: np.ndarray, level: float) -> dict[str, float]:
    p = prob / prob.sum()
    nf = n_grid.astype(float)
    return {
        "n_median": _quantile(n_grid, p, 0.5),
        "n_mean": float(np.sum(nf * p)),
        "ci_low": _quantile(n_grid, p, (1 - level) / 2),
        "ci_high": _quantile(n_grid, p, (1 + level) / 2),
        "n_mode": float(n_grid[int(np.argmax(p))]),
        "n_bayes": float(np.sum(p / nf) / np.sum(p / nf**2)),
    }


def _row_summaries(n_grid: np.ndarray, logp: np.ndarray, level: float
                   ) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """Per-row summaries of (graphs x grid) log posterior rows, each normalised
    (the posterior of N given the graph). Rows that are all -inf give NaN.

    Returns the summaries, the per-row log normalising constants and the normalised
    rows (reused by the caller, so each cell is exponentiated once)."""
    nf = n_grid.astype(float)
    top = np.max(logp, axis=1, keepdims=True)
    ok = np.isfinite(top[:, 0])
    top = np.where(ok[:, None], top, 0.0)
    p = np.exp(logp - top)
    z = p.sum(axis=1)
    lse = np.where(ok, np.log(np.where(ok, z, 1.0)) + top[:, 0], -np.inf)
    p /= np.where(ok, z, 1.0)[:, None]
    cdf = np.cumsum(p, axis=1)
    last = len(n_grid) - 1
    qs = {"n_median": 0.5, "ci_low": (1 - level) / 2, "ci_high": (1 + level) / 2}
    out = {key: np.empty(len(p)) for key in qs}
    for i in range(len(p)):
        for key, q in qs.items():
            j = int(np.searchsorted(cdf[i], q - 1e-12, side="left"))
            out[key][i] = nf[min(j, last)]
    out["n_mean"] = p @ nf
    out["n_mode"] = nf[np.argmax(p, axis=1)]
    out["n_bayes"] = (p @ (1 / nf)) / (p @ (1 / nf**2))
    return {key: np.where(ok, v, math.nan) for key, v in out.items()}, lse, p


def _graph_label(edges: tuple[tuple[int, int], ...], names: Sequence[str]) -> str:
    k = len(names)
    if not edges:
        return "independence"
    text = " + ".join(f"{names[i]}-{names[j]}" for i, j in edges)
    if len(edges) == k * (k - 1) // 2:
        return f"saturated (complete graph {text})"
    return text


def bma(
    patterns: Mapping[str, Any] | pd.DataFrame,
    *,
    prior_delta: float | None = None,
    n_max: int | None = None,
    prior_n: PriorN = "1/N",
    level: float = 0.95,
    list_names: Sequence[str] | None = None,
    exclude_saturated: bool = False,
    keep_joint: bool | None = None,
) -> BMAResult:
    """Bayesian model average of N over all decomposable graphs on 3, 4 or 5 lists.

    Args:
        patterns: capture patterns of 3 to 5 lists (see
            :func:`syriastats.mse.normalise_patterns`). A list that records nobody
            is flagged.
        prior_delta: hyper-Dirichlet parameter per cell of the 2^k table (``dga``'s
            ``delta``); default ``2^-k`` (``dga``'s suggestion: one imaginary person
            spread evenly over the cells).
        n_max: largest N on the grid (persons); default ``11 x observed`` (up to
            ten times as many missing as observed). Must be at least the number
            observed. A flag is raised when the top tenth of the grid holds more than
            0.1 % of the posterior (then raise ``n_max``, or the data do not bound N).
        prior_n: prior on N: ``"1/N"`` (Madigan & York 1997, and the code default of
            later ``dga`` versions; the default here), ``"1/n0"`` (proportional to
            ``1/(N - n)``: ``dga``'s documented default ``-log(Nmissing)``, which
            excludes ``N = n``), ``"uniform"``, or a callable taking the integer array
            of N values and returning log prior weights (``-inf`` allowed).
        level: credible level of the interval (default 0.95).
        list_names: names of the lists for the model labels.
        exclude_saturated: give the complete graph (saturated model) prior
            probability 0 and the others equal shares.
        keep_joint: keep the (graphs x grid) joint posterior array in
            ``joint_prob``; default: when it has at most 5 million cells.

    Returns:
        :class:`BMAResult` (model-averaged median, mean, mode and equal-tailed
        credible interval of N; posterior model probabilities with per-graph
        summaries; posterior of N on the grid ``observed..n_max``).

    Raises:
        PatternError: malformed patterns (from :func:`mse.normalise_patterns`).
        ModelError: fewer than 3 or more than 5 lists, ``n_max`` below the number
            observed, bad ``prior_delta``, ``prior_n``, ``level`` or ``list_names``,
            or a prior that gives zero weight to the whole grid.
    """
    pats = normalise_patterns(patterns)
    k = len(next(iter(pats)))
    if not 3 <= k <= MAX_BMA_LISTS:
        raise ModelError(f"bma needs 3 to {MAX_BMA_LISTS} lists, got patterns of {k} lists")
    delta = _check_delta(2.0**-k if prior_delta is None else prior_delta)
    if isinstance(level, (bool, np.bool_)) or not isinstance(level, Real) \
            or not 0 < float(level) < 1:
        raise ModelError(f"level must be between 0 and 1, got {level!r}")
    level = float(level)
    names = tuple(list_names) if list_names is not None else tuple(f"list{i}" for i in range(k))
    if len(names) != k:
        raise ModelError(f"list_names has {len(names)} names for {k} lists")
    empty_lists = [j for j in range(k) if sum(c for p, c in pats.items() if p[j] == "1") == 0]
    observed = int(sum(pats.values()))
    if n_max is None:
        n_max = N_MAX_FACTOR * observed
    if isinstance(n_max, (bool, np.bool_)) or not isinstance(n_max, Integral):
        raise ModelError(f"n_max must be an integer, got {n_max!r}")
    n_max = int(n_max)
    if n_max < observed:
        raise ModelError(f"n_max={n_max} is below the {observed} persons observed")
    if not isinstance(exclude_saturated, (bool, np.bool_)):
        raise ModelError(f"exclude_saturated must be True or False, got {exclude_saturated!r}")

    graphs = decomposable_graphs(k)
    n_g = len(graphs)
    n_grid = np.arange(observed, n_max + 1, dtype=np.int64)
    n0 = (n_grid - observed).astype(float)
    log_prior, prior_name = _log_prior_n(prior_n, n_grid, observed)
    if not np.any(np.isfinite(log_prior)):
        raise ModelError("prior_n gives zero weight to every N on the grid")
    n_allowed = n_g - (1 if exclude_saturated else 0)
    prior_g = np.full(n_g, 1 / n_allowed)
    if exclude_saturated:
        prior_g[-1] = 0.0
    with np.errstate(divide="ignore"):
        log_prior_g = np.log(prior_g)
    if keep_joint is None:
        keep_joint = n_g * len(n_grid) <= JOINT_MAX_CELLS

    table = _table_from_patterns(pats)
    log_e = _log_e_matrix(table, n0, delta)
    base = _log_coef(table, n0) + log_prior
    _, inc = _structure(k)
    chunk = max(1, CHUNK_CELLS // len(n_grid))
    lse_g = np.empty(n_g)
    summ: dict[str, np.ndarray] = {key: np.empty(n_g) for key in
                                   ("n_median", "n_mean", "ci_low", "ci_high", "n_mode",
                                    "n_bayes")}
    parts: list[np.ndarray] = []
    acc = np.zeros(len(n_grid))
    ref = -math.inf
    for start in range(0, n_g, chunk):
        rows = slice(start, min(n_g, start + chunk))
        logp = inc[rows] @ log_e + base[None, :]   # log p(table | N, G) p(N), per graph
        sm, lse_rows, p_rows = _row_summaries(n_grid, logp, level)
        for key, v in sm.items():
            summ[key][rows] = v
        lse_g[rows] = lse_rows + log_prior_g[rows]   # log p(G, data) up to a constant
        # running mixture sum_G p(G, data) p(N | G, data), scaled by exp(-ref)
        top = float(np.max(lse_g[rows]))
        if math.isfinite(top):
            if top > ref:
                acc *= math.exp(ref - top) if math.isfinite(ref) else 0.0
                ref = top
            acc += np.exp(lse_g[rows] - ref) @ p_rows
        if keep_joint:
            parts.append(p_rows)
    total = logsumexp(lse_g)
    post_m = np.exp(lse_g - total)
    post_n = acc / acc.sum()
    joint = (np.vstack(parts) * post_m[:, None]) if keep_joint else np.empty((0, 0))

    overall = _summaries(n_grid, post_n, level)
    models = pd.DataFrame({
        "model": [_graph_label(g, names) for g in graphs],
        "edges": list(graphs),
        "n_edges": [len(g) for g in graphs],
        "prior_prob": prior_g, "posterior_prob": post_m,
        **{key: np.where(post_m > 0, summ[key], math.nan)
           for key in ("n_median", "n_mean", "ci_low", "ci_high", "n_bayes")},
    })
    models["_neg"] = -models["posterior_prob"]
    models = (models.sort_values(["_neg", "n_edges", "model"], kind="mergesort")
              .drop(columns="_neg").reset_index(drop=True))

    flags: list[str] = [
        f"list {j} ({names[j]!r}) records nobody: it carries no information about "
        "overlaps and N rests on the other lists and the priors; drop it" for j in empty_lists]
    top_tenth = n_grid >= observed + 0.9 * (n_max - observed)
    tail = float(post_n[top_tenth].sum()) if len(n_grid) > 1 else 0.0
    if tail > TAIL_FLAG:
        flags.append(f"{tail:.2%} of the posterior lies in the top tenth of the grid "
                     f"(N up to {n_max}): the result depends on n_max; raise it or treat "
                     "the upper end as unbounded")
    p_sat = float(post_m[-1])
    if p_sat > 0.5:
        flags.append(f"the saturated (complete) graph has posterior probability {p_sat:.2f}: "
                     "no simpler graph fits, and under the saturated graph N is identified "
                     "only by the priors (prior_delta, prior_n); see exclude_saturated=True")
    return BMAResult(
        n_median=overall["n_median"], n_mean=overall["n_mean"],
        ci_low=overall["ci_low"], ci_high=overall["ci_high"], observed=observed,
        model_probs=models,
        posterior_n=pd.DataFrame({"N": n_grid, "prob": post_n}),
        n_mode=overall["n_mode"], level=level, prior_delta=delta, prior_n=prior_name,
        n_max=n_max, list_names=names, exclude_saturated=bool(exclude_saturated),
        flags=tuple(flags), joint_prob=joint, n_bayes=overall["n_bayes"],
    )


def bma_three_lists(
    patterns: Mapping[str, Any] | pd.DataFrame,
    *,
    prior_delta: float = DEFAULT_DELTA,
    n_max: int | None = None,
    prior_n: PriorN = "1/N",
    level: float = 0.95,
    list_names: Sequence[str] | None = None,
    exclude_saturated: bool = False,
) -> BMAResult:
    """:func:`bma` restricted to exactly three lists (the 8 graphs of
    :data:`GRAPHS_3`); same arguments and result. Kept for existing callers."""
    pats = normalise_patterns(patterns)
    k = len(next(iter(pats)))
    if k != 3:
        raise ModelError(f"bma_three_lists needs exactly 3 lists, got patterns of {k} lists")
    return bma(pats, prior_delta=prior_delta, n_max=n_max, prior_n=prior_n, level=level,
               list_names=list_names, exclude_saturated=exclude_saturated, keep_joint=True)
