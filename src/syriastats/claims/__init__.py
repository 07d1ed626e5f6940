"""Check quantitative claims ("as many as 470,000 people may have died") against the registry.

A *claim* is one number said in a publication about one measure at one date
(``data/claims.csv``; columns in ``data/datapackage.json``, resource ``claims``).
:func:`check` judges each claim against the *estimates* registry and returns one row
per claim: a verdict from the small vocabulary :data:`VERDICTS`, the reference
interval it was judged against, the figures used, the closest comparable figures
and an explanation a reporter can quote.

How a reference interval is built
---------------------------------
1. **Comparable figures.** Same ``measure`` and the same dimensions as the claim
   (:mod:`~syriastats.claims.target`): the same ``host`` (host countries are never
   pooled; a claim without one is read with its measure's default, e.g. REGION for
   registrations), ``area``, ``group`` (counts that leave out government forces are
   pooled with a claim about everyone, and ``widened`` says so) and kind of period:
   a level near ``as_of`` (stock), a total from the same start (cumulative; tolls
   from the war's start, ``period_start`` on or before :data:`CUMULATIVE_START_BY`,
   when the claim gives none) or exactly the same period (flow: "36,000 killed in
   2012" only against calendar-2012 tolls). Superseded figures are left out once their
   revision could be known. When nothing matches: ``not_checkable``, naming the
   dimensions the registry does hold near that date. ``dimensions`` says what was
   compared, ``verdict_class`` (:data:`VERDICT_CLASSES`) sums the verdict up.
2. **Date window** (:data:`DATE_RULES`). Stocks and flows: ``period_end`` within
   :data:`STOCK_WINDOW_DAYS` days either side of the claim's ``as_of``. Cumulative
   tolls: ``period_end`` from :data:`CUMULATIVE_WINDOW_BEFORE_DAYS` days before
   ``as_of`` to :data:`CUMULATIVE_WINDOW_AFTER_DAYS` days after it (an older toll
   understates the toll at ``as_of``; the explanation says so when a figure ends more
   than :data:`STALE_DAYS` days before the claim's date).
3. **What could be known.** ``known="then"``: only figures whose source was published
   on or before the claim's publication date (``origin_date``; for a claim about the
   present this is its ``as_of``): what the claimant could have known. ``known="now"``:
   every figure in the window, published at any time (later revisions included).
   Sources dated only by month or year count as published on the *last* day of it.
4. **One figure per series.** Of several releases by one publisher with one method
   (e.g. SOHR's documented tolls), only the release nearest in date to ``as_of`` is
   used, so a prolific publisher does not outvote the others.
5. **Scope.** For death measures, a figure whose ``death_scope`` column says it also counts
   indirect deaths (lack of care, food, water), the disappeared or the missing, or all-cause
   excess deaths, is of a *broader scope* (:func:`syriastats.reading.broader_scope_mask`),
   as are the measures listed in
   :data:`BROADER_MEASURES` (e.g. all deaths for a claim about civilian deaths, refugees
   worldwide for a claim about refugees registered in the region). The claim is judged
   on figures of its own scope first; :data:`VERDICTS` ``broader_scope_only`` says it
   holds only under the broader one.
6. **Uncertainty of each figure** comes from :func:`syriastats.uncertainty.from_row`:
   documented counts and "more than" figures are floors (no probability below them),
   brackets and margins are read as the engine documents. Two assumptions are made
   here and stated in every affected row: a bare figure with no stated range (an
   expert's "400,000", a registration total) is read with a margin of
   ``assumed_margin`` (default :data:`ASSUMED_MARGIN`, ±10 % at 90 % coverage, about what
   rounding to one or two significant digits implies); an "at most" figure is read as
   a ceiling with the engine's default floor ratio mirrored
   (:data:`syriastats.uncertainty.DEFAULT_UNDERCOUNT`). Floors use the engine's
   defaults, also named in every explanation that uses them: a documented count is
   read with the truth up to 2.141x it at 90 % (``DEFAULT_UNDERCOUNT``, OHCHR's 2022
   estimated/documented civilian ratio), an official's "more than X" up to 1.5x
   (``DEFAULT_AT_LEAST_EXCESS``). Registration totals printed without a range are read
   as ±2 % (:data:`REGISTRATION_ASSUMED_MARGIN`).
7. **Computed share.** A claim about the share of the population displaced is also
   judged against the share computed from the counts the claimant could know
   ((registered refugees + IDPs) / pre-war population, :func:`syriastats.derived.displaced_share`),
   pooled as one more figure (:data:`COMPUTED_SHARE_ID`) with its 90 % model interval.
7. **Pooling.** Several figures are pooled as an equal-weight *mixture* of their
   distributions (disagreement between sources kept as uncertainty); ``lower`` and
   ``upper`` are its central ``level`` interval (default 90 %), ``median`` its median.
   These are *model* bounds under the assumptions above, never quoted as published
   numbers. The *envelope* (``envelope_lower``/``envelope_upper``) is the lowest to
   highest number the pooled sources actually published (low, central, high, or the
   bounds a stated margin implies); it is never a fitted quantile.
8. **Documented-count floor** (:func:`syriastats.reading.documented_floor`). For death tolls the pooled
   distribution is cut below at the largest documented count that could bound the truth
   at ``as_of``: a ``documented_count`` of the same measure whose stated end period
   *begins* on or before ``as_of`` (a count "to 2018-03" counts for a claim of
   2018-03-12) and which, if that period runs past ``as_of``, was published on or before
   ``as_of`` (so it cannot hold deaths after it); counts that leave out part of the
   victims (:func:`syriastats.reading.is_partial`: a ``group`` such as
   ``all_except_government_forces``, or an ``area`` that is part of Syria) are not used
   as the floor, nor are counts whose ``role`` is ``context_only``.
9. **Context only.** Figures whose registry ``role`` is ``context_only`` (e.g.
   ``un-2016-range``) are never pooled; the explanation lists them as context.

Verdict rules per comparator are in :data:`COMPARATOR_RULES`; its entry ``attributed``
is the attribution rule: a claim attributed to a publisher (optional column
``attribution``, a key of :data:`ATTRIBUTION_PUBLISHERS`, filled by ``check-text`` from
"according to SOHR") that repeats that publisher's own figure is consistent, an accurate
quote, and its explanation says what the other sources say.

The package, one responsibility per module (each imports only those listed before it):

- :mod:`~syriastats.claims.scope_rules`: the rules and tables on whose count a figure is
  (registered_in_host, host_government, publisher_scope, floor_rounding, earlier_only,
  loose_decade), merged into COMPARATOR_RULES;
- :mod:`~syriastats.claims.rules`: verdicts, comparator rules, windows, constants;
- :mod:`~syriastats.claims.phrases`: numbers, dates and claims in words;
- :mod:`~syriastats.claims.loading`: claims files and the checker's rules on their rows;
- :mod:`~syriastats.claims.target`: what a claim is about, as registry dimensions;
- :mod:`~syriastats.claims.pooling`: figures as distributions, pooled;
- :mod:`~syriastats.claims.records`: one verdict row;
- :mod:`~syriastats.claims.selecting`: which figures are comparable with a claim;
- :mod:`~syriastats.claims.positions`: the same selection on row positions (archive scale);
- :mod:`~syriastats.claims.explaining`: the explanation;
- :mod:`~syriastats.claims.special`: the war's age and 'highest since' claims;
- :mod:`~syriastats.claims.running_totals`: running totals only grow (later and earlier totals);
- :mod:`~syriastats.claims.judgements`: rules applied to the pooled verdict (estimates beyond
  the documented count, ranges of hard bounds, the band between figures either side of a date);
- :mod:`~syriastats.claims.scopes`: whose count a figure is (UNHCR's statistics as
  registrations in the five hosts, a host government's count, a publisher of another scope);
- :mod:`~syriastats.claims.judging`: :func:`check`, the verdict of each claim;
- :mod:`~syriastats.claims.formatting`: tables, CSV, Markdown, JSON and ``syriastats check``.

The reading rules it shares with the rest of the suite (floors, context only, partial
coverage, the documented floor) are in :mod:`syriastats.reading`.
"""
from __future__ import annotations

from syriastats.claims.formatting import cli_check, format_verdicts
from syriastats.claims.checking import check
from syriastats.claims.shares import COMPUTED_SHARE_ID
from syriastats.claims.loading import claim_row_problems, load_claims
from syriastats.claims.rules import (
    ABOUT_TOLERANCE,
    ASSUMED_MARGIN,
    ATTRIBUTION_PUBLISHERS,
    BENCHMARKS,
    BROADER_MEASURES,
    CLAIM_ONLY_MEASURES,
    COMPARATOR_RULES,
    CUMULATIVE_START_BY,
    CUMULATIVE_WINDOW_AFTER_DAYS,
    CUMULATIVE_WINDOW_BEFORE_DAYS,
    DATE_RULES,
    HIGHEST_SINCE_MAX_GAP_YEARS,
    HIGHEST_SINCE_MIN_YEAR,
    OUTPUT_COLUMNS,
    REGISTRATION_ASSUMED_MARGIN,
    SHARE_TOLERANCE,
    STALE_DAYS,
    STALE_SERIES_DAYS,
    STOCK_WINDOW_DAYS,
    VERDICT_CLASSES,
    VERDICTS,
    highest_since_problem,
)
from syriastats.claims.target import Target, resolve
from syriastats.reading import (
    CUMULATIVE_MEASURES,
    documented_floor,
    is_broader_scope,
    is_context_only,
)

__all__ = [
    "ABOUT_TOLERANCE",
    "ASSUMED_MARGIN",
    "ATTRIBUTION_PUBLISHERS",
    "BENCHMARKS",
    "BROADER_MEASURES",
    "CLAIM_ONLY_MEASURES",
    "COMPARATOR_RULES",
    "COMPUTED_SHARE_ID",
    "CUMULATIVE_MEASURES",
    "CUMULATIVE_START_BY",
    "CUMULATIVE_WINDOW_AFTER_DAYS",
    "CUMULATIVE_WINDOW_BEFORE_DAYS",
    "DATE_RULES",
    "HIGHEST_SINCE_MAX_GAP_YEARS",
    "HIGHEST_SINCE_MIN_YEAR",
    "OUTPUT_COLUMNS",
    "REGISTRATION_ASSUMED_MARGIN",
    "SHARE_TOLERANCE",
    "STALE_DAYS",
    "STALE_SERIES_DAYS",
    "STOCK_WINDOW_DAYS",
    "Target",
    "VERDICT_CLASSES",
    "VERDICTS",
    "check",
    "claim_row_problems",
    "cli_check",
    "documented_floor",
    "format_verdicts",
    "highest_since_problem",
    "is_broader_scope",
    "is_context_only",
    "load_claims",
    "resolve",
]
