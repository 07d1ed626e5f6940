"""Chart functions on a small hand-made registry: what is selected, how it is drawn, and
that the exported CSV holds exactly the numbers drawn."""
from __future__ import annotations

import matplotlib.colors as mcolors
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest

from syriastats import export
from syriastats.charts import (
    chart_meta,
    plot_coverage,
    plot_cumulative_tolls,
    plot_displacement,
    plot_estimates_known_at,
    plot_ucdp_yearly,
)
from syriastats.charts import style
from syriastats.charts.deaths import ucdp_release

pytestmark = pytest.mark.filterwarnings("error")

METHODS = ["agency_estimate", "demographic_estimate", "derived", "documented_count",
           "event_data", "expert_estimate", "historical_estimate", "registration",
           "statistical_estimate"]
QUALIFIERS = ["approximately", "at_least", "at_most", "exact"]
RANGE_TYPES = ["bracket", "confidence_interval", "hard_bounds", "margin", "none"]

SOHR = "Syrian Observatory for Human Rights (SOHR)"
SCPR = "Syrian Centre for Policy Research (SCPR)"
HRDAG = "UN OHCHR / HRDAG"
UCDP = "Uppsala Conflict Data Program (UCDP)"


def row(eid, sid, pub, published, measure, method, central=None, low=None, high=None,
        qualifier="exact", range_type="none", start="2011-03-15", end="2015-12-31", **kw):
    return dict(estimate_id=eid, source_id=sid, publisher=pub, published=published,
                measure=measure, method=method, central=central, low=low, high=high,
                qualifier=qualifier, range_type=range_type, period_start=start,
                period_end=end, **kw)


ROWS = [
    row("scpr-total", "scpr-2016", SCPR, "2016-02-11", "deaths_total", "statistical_estimate",
        470000, range_type="margin", margin=0.05),
    row("sohr-2016", "sohr-2016-03", SOHR, "2016-03-14", "deaths_total", "documented_count",
        271138, end="2016-03-14"),
    row("sohr-2015", "sohr-2015-12", SOHR, "2015-12-31", "deaths_total", "documented_count",
        260000, end="2015-12-31"),
    row("sohr-2014", "sohr-2014", SOHR, "2014-12-31", "deaths_total", "documented_count",
        200000, end="2014-12-31"),
    # a later re-statement of the same date: the later publication wins
    row("sohr-2014-rev", "sohr-2015-rev", SOHR, "2015-02-01", "deaths_total",
        "documented_count", 205000, end="2014-12-31"),
    row("envoy", "envoy-2016", "UN Special Envoy for Syria", "2016-04-22", "deaths_total",
        "expert_estimate", 400000, qualifier="approximately", end="2016-04-22"),
    row("hrdag-2014", "hrdag-2014", HRDAG, "2014-08-22", "deaths_total", "documented_count",
        191369, end="2014-04-30"),
    row("hrdag-2013", "hrdag-2013", HRDAG, "2013-06-13", "deaths_total", "documented_count",
        92901, end="2013-04-30"),
    row("survey", "survey-2018", "Survey Team", "2018-06-01", "deaths_total",
        "statistical_estimate", 143630, low=100000, high=160000,
        range_type="confidence_interval", range_level=0.95, end="2016-12-31"),
    row("sohr-2020", "sohr-2020", SOHR, "2020-03-15", "deaths_total", "documented_count",
        384000, end="2020-03-14"),
    row("ucdp-2012", "ucdp-2024", UCDP, "2024-06-01", "deaths_battle_related", "event_data",
        20000, 18000, 25000, range_type="bracket", start="2012-01-01", end="2012-12-31"),
    row("ucdp-2013", "ucdp-2024", UCDP, "2024-06-01", "deaths_battle_related", "event_data",
        40000, 35000, 52000, range_type="bracket", start="2013-01-01", end="2013-12-31"),
    row("ucdp-2014", "ucdp-2024", UCDP, "2024-06-01", "deaths_battle_related", "event_data",
        30000, 27000, 33000, range_type="bracket", start="2014-01-01", end="2014-12-31"),
    row("ucdp-old-2012", "ucdp-2020", UCDP, "2020-06-01", "deaths_battle_related",
        "event_data", 19000, 17000, 24000, range_type="bracket", start="2012-01-01",
        end="2012-12-31"),
    # a half-year UCDP row is not a calendar year and must be left out
    row("ucdp-h1", "ucdp-2024", UCDP, "2024-06-01", "deaths_battle_related", "event_data",
        9000, 8000, 10000, range_type="bracket", start="2015-01-01", end="2015-06-30"),
    row("ref-2013", "unhcr-2013", "UNHCR", "2014-01-10", "refugees_registered",
        "registration", 2300000, start="2013-12-31", end="2013-12-31"),
    row("ref-2015", "unhcr-2015", "UNHCR", "2016-01-10", "refugees_registered",
        "registration", 4600000, start="2015-12-31", end="2015-12-31"),
    row("ref-2018", "unhcr-2018", "UNHCR", "2019-01-10", "refugees_registered",
        "registration", 5600000, start="2018-12-31", end="2018-12-31"),
    row("idp-2013", "ocha-2013", "UN OCHA", "2014-01-10", "idps", "agency_estimate", 6500000,
        start="2013-12-31", end="2013-12-31"),
    row("idp-2016", "ocha-2016", "UN OCHA", "2017-01-10", "idps", "agency_estimate", 6300000,
        6000000, 6600000, range_type="bracket", start="2016-12-31", end="2016-12-31"),
    row("idp-2019", "ocha-2019", "UN OCHA", "2020-01-10", "idps", "agency_estimate", 6100000,
        start="2019-12-31", end="2019-12-31"),
    # another publisher's IDP figure: shown as a grey circle, not joined to OCHA's line
    row("idp-idmc-2015", "idmc-2016", "Internal Displacement Monitoring Centre (IDMC)",
        "2016-05-01", "idps", "agency_estimate", 6600000, start="2015-12-31", end="2015-12-31"),
    # a calendar-year count is not cumulative and stays out of the tolls chart
    row("sohr-year-2015", "sohr-year", SOHR, "2016-01-01", "deaths_total", "documented_count",
        55000, start="2015-01-01", end="2015-12-31"),
]


def registry(rows=ROWS) -> pd.DataFrame:
    """Rows with the dtypes of with_sources(load_estimates(), load_sources())."""
    df = pd.DataFrame.from_records(rows)
    for c in ("range_level", "margin", "scope", "locator", "notes"):
        if c not in df:
            df[c] = None
    for c in ("low", "central", "high", "range_level", "margin"):
        df[c] = pd.to_numeric(df[c]).astype("Float64")
    df["method"] = pd.Categorical(df["method"], categories=METHODS)
    df["qualifier"] = pd.Categorical(df["qualifier"], categories=QUALIFIERS)
    df["range_type"] = pd.Categorical(df["range_type"], categories=RANGE_TYPES)
    df["measure"] = pd.Categorical(df["measure"])
    for c in ("period_start", "period_end", "published"):
        df[c] = pd.to_datetime(df[c]).astype("datetime64[ns]")
    for c in ("estimate_id", "source_id", "publisher", "scope", "locator", "notes"):
        df[c] = df[c].astype("string")
    return df


@pytest.fixture(scope="module")
def est() -> pd.DataFrame:
    return registry()


def lines_by_gid(fig) -> dict:
    return {ln.get_gid(): ln for ax in fig.axes for ln in ax.get_lines() if ln.get_gid()}


def all_text(fig) -> str:
    texts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        texts += [t.get_text() for t in ax.texts]
        leg = ax.get_legend()
        if leg is not None:
            texts += [t.get_text() for t in leg.get_texts()]
    return " ".join(" ".join(texts).split())


SHARE = pd.DataFrame({"quantity": ["displaced_share"], "median": [0.52], "lower_90": [0.47],
                      "upper_90": [0.58], "date": [pd.Timestamp("2016-12-31")]})


# --------------------------------------------------------------------------
# What was known at a date
# --------------------------------------------------------------------------

def test_known_at_keeps_only_what_was_published_and_the_latest_per_source(est):
    fig, data = plot_estimates_known_at(est, as_of="2016-08-01")
    # published after the date: survey 2018, SOHR 2020 (left out); latest SOHR is Mar 2016
    assert list(data["estimate_id"]) == ["scpr-total", "envoy", "sohr-2016", "hrdag-2014"]
    assert list(data["row"]) == [0, 1, 2, 3]
    # sorted by value, largest first
    assert list(data["central_deaths"]) == [470000, 400000, 271138, 191369]
    fig_all, all_rows = plot_estimates_known_at(est, as_of="2016-08-01", latest_only=False)
    assert {"sohr-2014", "sohr-2014-rev", "sohr-2015", "sohr-2016"} <= set(all_rows["estimate_id"])
    assert "survey" not in set(all_rows["estimate_id"])
    later_fig, later = plot_estimates_known_at(est, as_of="2021-01-01")
    assert {"survey", "sohr-2020"} <= set(later["estimate_id"])


def test_known_at_turns_a_margin_into_its_range_and_marks_minimums(est):
    fig, data = plot_estimates_known_at(est, as_of="2016-08-01")
    scpr = data.set_index("estimate_id").loc["scpr-total"]
    # 470,000 +/- 5%
    assert scpr["range_low_deaths"] == pytest.approx(446500)
    assert scpr["range_high_deaths"] == pytest.approx(493500)
    assert "5% margin" in scpr["range_meaning"]
    assert list(data["minimum"]) == [False, False, True, True]
    lines = lines_by_gid(fig)
    sohr = lines["point-sohr-2016"]
    assert sohr.get_marker() == ">"  # points towards higher values
    assert mcolors.to_hex(sohr.get_markerfacecolor()) == "#ffffff"  # open triangle
    assert "271,138 minimum" in all_text(fig)
    stat, expert = lines["point-scpr-total"], lines["point-envoy"]
    assert stat.get_marker() != expert.get_marker()
    assert stat.get_markerfacecolor() != expert.get_markerfacecolor()
    ax = fig.axes[0]
    assert ax.get_xlim()[0] == 0


def test_known_at_uses_intervals_passed_by_the_caller(est):
    e = est.copy()
    e["lower"] = pd.array([None] * len(e), dtype="Float64")
    e["upper"] = pd.array([None] * len(e), dtype="Float64")
    e.loc[e["estimate_id"] == "envoy", ["lower", "upper"]] = [300000.0, 500000.0]
    fig, data = plot_estimates_known_at(e, as_of="2016-08-01",
                                        interval_note="90% interval, test model")
    envoy = data.set_index("estimate_id").loc["envoy"]
    assert (envoy["range_low_deaths"], envoy["range_high_deaths"]) == (300000, 500000)
    assert envoy["range_meaning"] == "90% interval, test model"
    assert "90% interval, test model" in all_text(fig)
    assert list(lines_by_gid(fig)["range-envoy"].get_xdata()) == [300000, 500000]


def test_known_at_raises_when_nothing_was_known(est):
    with pytest.raises(ValueError, match="no deaths_total"):
        plot_estimates_known_at(est, as_of="2010-01-01")


# --------------------------------------------------------------------------
# Cumulative tolls
# --------------------------------------------------------------------------

def test_cumulative_tolls_lines_hold_the_documented_counts(est):
    fig, data = plot_cumulative_tolls(est)
    lines = lines_by_gid(fig)
    series = {ln.get_label(): ln for gid, ln in lines.items() if gid.startswith("series-")}
    assert set(series) == {"SOHR", HRDAG}
    sohr = data[data["series"] == "SOHR"]
    # the revised end-2014 figure (published later) replaces the first one
    assert list(sohr["deaths"]) == [205000, 260000, 271138, 384000]
    assert list(series["SOHR"].get_ydata()) == [205000, 260000, 271138, 384000]
    x = mdates.date2num(pd.to_datetime(sohr["period_end"]).to_numpy())
    assert np.allclose(mdates.date2num(series["SOHR"].get_xdata()), x)
    over = data[data["role"] == "statistical estimate"].set_index("estimate_id")
    assert set(over.index) == {"scpr-total", "survey"}
    assert list(lines["range-survey"].get_ydata()) == [100000, 160000]
    assert over.loc["survey", "range_meaning"].startswith("95% confidence interval")
    # colour is never the only cue
    styles = {(ln.get_linestyle(), ln.get_marker()) for ln in series.values()}
    assert len(styles) == len(series)
    assert fig.axes[0].get_ylim()[0] == 0


DCHRS = "Damascus Center for Human Rights Studies (DCHRS)"
#: the test registry plus a single documented count, the situation of DCHRS in the real data
WITH_SINGLE = ROWS + [
    row("dchrs-2014", "dchrs-2015", DCHRS, "2015-01-15", "deaths_total", "documented_count",
        108072, end="2014-12-31"),
]


def _extent(fig, artist):
    return artist.get_window_extent(fig.canvas.get_renderer())


def test_cumulative_tolls_single_count_is_an_open_triangle_labelled_at_its_point():
    fig, data = plot_cumulative_tolls(registry(WITH_SINGLE))
    ax = fig.axes[0]
    lines = lines_by_gid(fig)
    single = next(ln for gid, ln in lines.items()
                  if gid.startswith("series-") and ln.get_label() == "DCHRS")
    # the documented-count marker, never the statistical estimate's filled dot
    assert single.get_marker() == ">"
    assert mcolors.to_hex(single.get_markerfacecolor()) == "#ffffff"
    stat = lines["point-scpr-total"]
    assert stat.get_marker() != single.get_marker()
    assert data.set_index("estimate_id").loc["dchrs-2014", "role"] == "documented count (minimum)"
    # no line of documented counts borrows the statistical estimate's colour
    for gid, ln in lines.items():
        if gid.startswith("series-"):
            assert mcolors.to_hex(ln.get_color()) != mcolors.to_hex(stat.get_color())
    label = next(t for t in ax.texts if t.get_gid() == f"label-{single.get_gid()}")
    assert "minimum" in label.get_text()
    # the label sits inside the plot (not under the axis) and near its point
    box, axes_box = _extent(fig, label), _extent(fig, ax)
    assert box.y0 >= axes_box.y0 and box.y1 <= axes_box.y1
    px = ax.transData.transform((mdates.date2num(pd.Timestamp("2014-12-31")), 108072))
    gap = np.hypot(max(box.x0 - px[0], 0, px[0] - box.x1), max(box.y0 - px[1], 0, px[1] - box.y1))
    assert gap < 40 * fig.dpi / 72  # within 40 points


def test_cumulative_tolls_labels_do_not_collide_and_the_range_shows_its_caps():
    fig, _ = plot_cumulative_tolls(registry(WITH_SINGLE))
    ax = fig.axes[0]
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("label-")]
    assert len(labels) == 5  # SOHR, HRDAG, DCHRS, SCPR, survey
    boxes = [_extent(fig, t) for t in labels]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            assert not boxes[i].overlaps(boxes[j]), (labels[i].get_text(), labels[j].get_text())
    lines = lines_by_gid(fig)
    # no label covers a marker of the documented series
    for gid, ln in lines.items():
        if not gid.startswith("series-"):
            continue
        xy = ln.get_transform().transform(ln.get_xydata())
        for t, b in zip(labels, boxes):
            inside = ((xy[:, 0] > b.x0) & (xy[:, 0] < b.x1) & (xy[:, 1] > b.y0) & (xy[:, 1] < b.y1))
            assert not inside.any(), (t.get_text(), gid)
    # SCPR's +/-5% range: an error bar with caps drawn above its marker
    bar, point = lines["range-scpr-total"], lines["point-scpr-total"]
    assert list(bar.get_ydata()) == pytest.approx([446500, 493500])
    assert bar.get_marker() == "_" and bar.get_zorder() > point.get_zorder()


def test_cumulative_tolls_alt_text_counts_publishers_in_the_right_number(est):
    fig, _ = plot_cumulative_tolls(est)
    alt = chart_meta(fig)["alt_text"]
    # SOHR and OHCHR/HRDAG documented; SCPR and the survey team estimated
    assert "from 2 publishers" in alt and "monitoring groups" not in alt
    assert "2 statistical estimates shown as points with ranges" in alt
    one = registry([r for r in ROWS if r["estimate_id"] != "survey"])
    alt1 = chart_meta(plot_cumulative_tolls(one)[0])["alt_text"]
    assert "1 statistical estimate shown as a point with its range" in alt1
    assert "estimates" not in alt1


# --------------------------------------------------------------------------
# UCDP by year
# --------------------------------------------------------------------------

def test_ucdp_defaults_to_the_newest_release_and_labels_the_band(est):
    fig, data = plot_ucdp_yearly(est)
    assert list(data["year"]) == [2012, 2013, 2014]
    assert set(data["source_id"]) == {"ucdp-2024"}
    lines = lines_by_gid(fig)
    assert list(lines["best"].get_ydata()) == [20000, 40000, 30000]
    assert list(lines["band-low"].get_ydata()) == [18000, 35000, 27000]
    assert list(lines["band-high"].get_ydata()) == [25000, 52000, 33000]
    assert "UCDP low-high range (not a statistical interval)" in all_text(fig)
    assert fig.axes[0].get_ylim()[0] == 0
    old_fig, old = plot_ucdp_yearly(est, source_id="ucdp-2020")
    assert list(old["best_deaths"]) == [19000]


def test_ucdp_release_is_read_from_the_title_or_id_not_the_publication_date():
    assert ucdp_release("UCDP Georeferenced Event Dataset (GED) 23.1, state-based events "
                        "summed to Syria country-years", "x") == "GED 23.1"
    assert ucdp_release(None, "ucdp-ged-21-1-owid") == "GED 21.1"
    assert ucdp_release("UCDP 2013 armed-conflict update press release", "ucdp-2014") is None
    # a carrier re-published GED 23.1 in March 2024, an older 21.1 copy appeared in 2025:
    # the newest release (23.1) is the default, and the header names it, not the carrier's date
    rows = [
        row("g23-2012", "ucdp-ged-23-1-carrier", UCDP, "2024-03-05", "deaths_battle_related",
            "event_data", 50000, 48000, 55000, range_type="bracket", start="2012-01-01",
            end="2012-12-31", title="UCDP Georeferenced Event Dataset (GED) 23.1, summed to "
            "Syria country-years", carrier="someone/somerepo (GitHub)"),
        row("g21-2012", "ucdp-ged-21-1-late", UCDP, "2025-01-31", "deaths_battle_related",
            "event_data", 49000, 47000, 54000, range_type="bracket", start="2012-01-01",
            end="2012-12-31", title="UCDP GED 21.1 country-years", carrier="other (GitHub)"),
    ]
    fig, data = plot_ucdp_yearly(registry(rows))
    assert list(data["source_id"]) == ["ucdp-ged-23-1-carrier"]
    meta = chart_meta(fig)
    assert "GED 23.1" in meta["subtitle"]
    assert "2024" not in meta["subtitle"] + meta["title"] and "March" not in meta["subtitle"]
    assert "summed to years by someone/somerepo (GitHub)" in meta["source"]
    # battle-related deaths only: said in the header, the exclusions in the note
    assert "Battle-related" in meta["title"] and "state-based" in meta["subtitle"]
    assert "one-sided violence" in meta["note"] and "non-state conflict" in meta["note"]


# --------------------------------------------------------------------------
# Displacement
# --------------------------------------------------------------------------

def test_displacement_two_series_and_the_share_with_its_interval(est):
    fig, data = plot_displacement(est, SHARE)
    lines = {ln.get_label(): ln for ln in fig.axes[0].get_lines()
             if (ln.get_gid() or "").startswith("series-")}
    assert set(lines) == {"Registered refugees (UNHCR)", "Internally displaced (UN OCHA)"}
    assert list(lines["Registered refugees (UNHCR)"].get_ydata()) == [2300000, 4600000, 5600000]
    # OCHA has more IDP figures than IDMC, so OCHA is the line; IDMC is a grey circle
    assert list(lines["Internally displaced (UN OCHA)"].get_ydata()) == [6500000, 6300000, 6100000]
    other = lines_by_gid(fig)["other-idp-idmc-2015"]
    assert list(other.get_ydata()) == [6600000] and other.get_linestyle() == "None"
    assert "other publishers' figures" in all_text(fig)
    assert data.set_index("estimate_id").loc["idp-idmc-2015", "series"].startswith("Other")
    chosen, _ = plot_displacement(est, publishers={"refugees_registered": ["UNHCR"],
                                                   "idps": ["Internal Displacement Monitoring Centre (IDMC)"]})
    assert {ln.get_label() for ln in chosen.axes[0].get_lines()
            if (ln.get_gid() or "").startswith("series-")} == {
        "Registered refugees (UNHCR)", "Internally displaced (IDMC)"}
    text = all_text(fig)
    assert "52% (90% interval 47%-58%)" in text
    share = data[data["measure"] == "displaced_share"].iloc[0]
    assert (share["share_median_fraction"], share["share_lower_90_fraction"],
            share["share_upper_90_fraction"]) == (0.52, 0.47, 0.58)
    idp = data.set_index("estimate_id").loc["idp-2016"]
    assert (idp["range_low_persons"], idp["range_high_persons"]) == (6000000, 6600000)
    assert fig.axes[0].get_ylim()[0] == 0


def test_displacement_rejects_an_inconsistent_share(est):
    bad = SHARE.assign(lower_90=[0.6])
    with pytest.raises(ValueError, match="lower_90"):
        plot_displacement(est, bad)


def test_displacement_share_box_clears_every_plotted_figure(est):
    fig, _ = plot_displacement(est, SHARE)
    ax = fig.axes[0]
    box = next(t for t in ax.texts if t.get_gid() == "share-box")
    bottom = _extent(fig, box).y0
    for ln in ax.get_lines():
        if (ln.get_gid() or "").startswith(("series-", "range-", "other-")):
            xy = ln.get_transform().transform(ln.get_xydata())
            assert (xy[:, 1] < bottom).all(), ln.get_gid()


# --------------------------------------------------------------------------
# Coverage of the registry
# --------------------------------------------------------------------------

def test_coverage_says_how_many_of_the_registry_s_figures_it_draws(est):
    fig, data = plot_coverage(est)
    # 23 rows in the test registry; "Survey Team" is not one of the publisher families shown
    assert int(data["figures"].sum()) == 22
    meta = chart_meta(fig)
    assert meta["subtitle"].startswith("22 of the registry's 23 stated figures")
    assert "22 of the registry's 23" in meta["alt_text"]


def test_coverage_marks_never_sit_on_top_of_each_other(est):
    fig, data = plot_coverage(est)
    ax = fig.axes[0]
    marks = np.vstack([c.get_offsets() for c in ax.collections
                       if (c.get_gid() or "").startswith("method-")])
    assert len(marks) == len(data)
    # UNHCR's and UN OCHA's methods, and the two UCDP releases, in one year each
    assert len({(round(x, 6), round(y, 6)) for x, y in marks}) == len(marks)
    # marks in one year are a full line apart (one line per family and method)
    for x in set(marks[:, 0]):
        ys = np.sort(marks[marks[:, 0] == x, 1])
        assert (np.diff(ys) >= 1 - 1e-9).all()


def test_coverage_stands_alone_and_exports_its_marks(est, tmp_path):
    fig, data = plot_coverage(est)
    meta = chart_meta(fig, notebook="99-test.ipynb")
    texts = style.figure_texts(fig)
    for key in ("title", "subtitle", "source", "note"):
        assert texts[key] == meta[key] and meta[key]
    assert set(meta["source_ids"]) == set(est["source_id"]) - {"survey-2018"}
    paths = export.save_chart(fig, "chart-coverage", data, meta, out_dir=tmp_path)
    csv = pd.read_csv(paths["csv"])
    assert list(csv["figures"]) == list(data["figures"])
    drawn = sum(len(c.get_offsets()) for c in fig.axes[0].collections
                if (c.get_gid() or "").startswith("method-"))
    assert drawn == len(csv)


# --------------------------------------------------------------------------
# Every chart: stands alone, exports exactly what was drawn
# --------------------------------------------------------------------------

CHARTS = {
    "known": lambda e: plot_estimates_known_at(e, as_of="2016-08-01"),
    "tolls": lambda e: plot_cumulative_tolls(e),
    "ucdp": lambda e: plot_ucdp_yearly(e),
    "displacement": lambda e: plot_displacement(e, SHARE),
}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_stands_alone_and_csv_equals_what_was_drawn(est, name, tmp_path):
    fig, data = CHARTS[name](est)
    meta = chart_meta(fig, notebook="99-test.ipynb")
    texts = style.figure_texts(fig)
    for key in ("title", "subtitle", "source", "note"):
        assert texts[key] == meta[key] and meta[key]
    assert meta["alt_text"] and meta["source_ids"]
    assert set(meta["source_ids"]) <= set(est["source_id"])
    paths = export.save_chart(fig, f"chart-{name}", data, meta, out_dir=tmp_path)
    csv = pd.read_csv(paths["csv"])
    assert list(csv.columns) == list(data.columns)
    numeric = [c for c in csv.columns if c.endswith(("_deaths", "_persons", "_fraction"))
               or c in ("deaths", "persons")]
    assert numeric, "numeric columns carry their unit"
    # every number in the CSV is one that was drawn (or written on the chart) and back
    in_csv = sorted(float(v) for c in numeric for v in csv[c].dropna())
    in_frame = sorted(float(v) for c in numeric for v in data[c].dropna())
    assert in_csv == pytest.approx(in_frame)
    drawn = []
    ax = fig.axes[0]
    for ln in ax.get_lines():
        gid = ln.get_gid() or ""
        if not gid.startswith(("series-", "range-", "point-", "best", "band-", "other-")):
            continue
        horizontal = name == "known"
        drawn += [float(v) for v in (ln.get_xdata() if horizontal else ln.get_ydata())]
    counts = sorted(v for v in in_csv if v > 1)
    assert counts == pytest.approx(sorted(drawn))


def test_palette_reads_in_greyscale():
    luma = [0.299 * r + 0.587 * g + 0.114 * b
            for r, g, b in (mcolors.to_rgb(c) for c in style.SERIES_COLOURS)]
    assert all(abs(a - b) >= 0.15 for a, b in zip(luma, luma[1:]))
    assert len(set(style.SERIES_MARKERS)) == len(style.SERIES_MARKERS)
    assert style.OKABE_ITO["yellow"] not in style.SERIES_COLOURS


def test_number_formats():
    assert style.fmt_count(470000) == "470,000"
    assert style.fmt_count(1234567.4) == "1,234,567"
    assert style.fmt_share(0.512) == "51%"
    assert style.short_publisher(SOHR) == "SOHR"
    assert style.short_publisher("UNHCR") == "UNHCR"
    assert style.short_publisher("Office of the UN High Commissioner for Human Rights (OHCHR), "
                                 "analysis by the Human Rights Data Analysis Group (HRDAG)") \
        == "OHCHR/HRDAG"
    assert style.short_publisher("Guha-Sapir D, Schlüter B, Rodriguez-Llanes JM (The Lancet)") \
        == "Guha-Sapir et al."
    assert style.short_publisher("United Nations (characterisation in press reports)") \
        == "United Nations"



def test_short_source_line_keeps_each_publisher_once_and_readable():
    pubs = [SOHR, "Guha-Sapir D, Schlüter B, Rodriguez-Llanes JM (The Lancet Global Health)",
            "Syrian Observatory for Human Rights (SOHR)", "UN Special Envoy for Syria (Staffan de Mistura)",
            "US Congressional Research Service (Margesson and Chesser, R43119)"]
    assert style.source_line(pubs, short=True) == (
        "Sources: SOHR; Guha-Sapir et al. (The Lancet Global Health); UN Special Envoy for Syria; "
        "US Congressional Research Service")
    assert style.source_line(pubs[:1]) == f"Source: {SOHR}"
    assert style.plural(1, "estimate") == "1 estimate"
    assert style.plural(2, "estimate") == "2 estimates"
    assert style.plural(3, "count kept", "counts kept") == "3 counts kept"


def test_place_labels_moves_a_label_off_a_line_through_its_point():
    fig, ax = style.new_figure()
    ax.plot([0, 10], [5, 5], gid="flat")                 # a line straight through the point
    ax.plot([0, 10], [0, 10], gid="rising")              # and one crossing it
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    anns = style.place_labels(ax, [
        {"x": 5, "y": 5, "text": "first label", "color": "black", "prefer": ["right"]},
        {"x": 5, "y": 5, "text": "second label", "color": "black", "prefer": ["right"]},
    ])
    renderer = fig.canvas.get_renderer()
    boxes = [a.get_window_extent(renderer) for a in anns]
    assert not boxes[0].overlaps(boxes[1])
    y_flat = ax.transData.transform((0, 5))[1]
    for b in boxes:
        assert not (b.y0 < y_flat < b.y1)                # off the flat line
        assert b.x0 >= ax.get_window_extent(renderer).x0  # inside the plot area
