"""News charts (syriastats.newsroom): built on a small hand-made registry (tests/newsroom_testdata.py,
TEST DATA, not statistics), in every cut; titles computed from the data; wide CSV and data_as_of;
every text passes the WCAG contrast rule in the SVG; phone text at least 12 px; Arabic shaped
right to left with no missing glyphs; charts whose data is missing are skipped, not crashed."""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from syriastats import newsroom
from syriastats.charts import i18n
from syriastats.charts.contrast_check import check_svg, failures
from syriastats.charts.cuts import CUTS, VARIANTS, contrast_ratio, readable
from syriastats.charts.newsframe import arabic_font_path, register_arabic_font
from syriastats.paths import figures_dir

sys.path.insert(0, str(Path(__file__).parent))
from newsroom_testdata import legacy_registry, registry  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("news")
    logs: list[str] = []
    report = newsroom.build_news_charts(out, estimates=registry(), jobs=2, log=logs.append)
    return out, report, logs


def test_every_news_chart_is_written_in_every_cut(built):
    out, report, _logs = built
    assert report["skipped"] == {} and report["failed"] == {}
    for slug in newsroom.NEWS_SLUGS:
        for ext in ("png", "svg", "pdf", "csv", "json"):
            assert (out / f"{slug}.{ext}").is_file(), (slug, ext)
        for v in VARIANTS:
            for ext in ("png", "svg"):
                assert (out / f"{slug}-{v}.{ext}").is_file(), (slug, v, ext)
    assert report["files"] == len(newsroom.NEWS_SLUGS) * (5 + 2 * len(VARIANTS))
    assert (out / "README.md").is_file()


def test_titles_state_findings_computed_from_the_data(built):
    out, _r, _l = built
    meta = {s: json.loads((out / f"{s}.json").read_text(encoding="utf-8")) for s in newsroom.NEWS_SLUGS}
    # test data: 500,000 is the largest documented cumulative count, dated March 2025
    assert meta["toll-over-time"]["title"].startswith("At least 500,000 deaths documented by March 2025")
    # test data: the two yearly series peak in different years (2013 and 2014)
    assert "2013 or 2014" in meta["deaths-per-year"]["title"]
    # government_and_allies: 200,000 of 219,000 attributed = 91%
    assert meta["deaths-by-perpetrator"]["title"].startswith("Government and allied forces: 91%")
    # largest governorate in the test data: the 14th in the list, Raqqa, 14^2 * 1,000
    assert meta["deaths-by-governorate"]["title"].startswith("Raqqa saw the most deaths: 196,000")
    assert meta["refugees-by-host"]["title"].startswith("Turkey hosts the most Syrian refugees: 2.5 million")
    # worldwide returns only: Jordan's later 250,000 is a part of the total, not its latest value
    assert meta["returns-since-2024-12"]["title"].startswith("1.2 million refugees and 1.8 million")
    assert "250000" not in (out / "returns-since-2024-12.csv").read_text(encoding="utf-8")
    # refugees (WORLD): peak (3.6+0.95+0.67)*1.3 = 6.786m in 2018, latest (2.5+0.7+0.5)*1.3 =
    # 4.81m: 1 - 4.81/6.786 = 29% fewer
    assert meta["displacement"]["title"].startswith("4.8 million Syrians are refugees abroad, 29% "
                                                    "fewer than at the 2018 peak")
    for s, m in meta.items():
        assert m["data_as_of"] and pd.Timestamp(m["data_as_of"]) <= pd.Timestamp("2026-12-31"), s
        assert "Data to" in m["subtitle"], s
        assert m["section"] == "news" and m["variants"] == list(VARIANTS)
        assert "github" not in m["source"].lower() and "test-src" not in m["source"], s
        assert m["ar"]["title"] and m["ar"]["title"] != m["title"]


def test_superseded_figures_are_never_drawn(built):
    out, _r, _l = built
    csv = (out / "toll-over-time.csv").read_text(encoding="utf-8")
    assert "999999" not in csv  # the superseded test figure


def test_csv_is_wide_with_units_and_no_float_noise(built):
    out, _r, _l = built
    df = pd.read_csv(out / "deaths-per-year.csv")
    assert list(df["year"]) == sorted(df["year"]) and df["year"].is_unique
    assert all("(deaths)" in c for c in df.columns if c != "year")
    text = (out / "refugees-by-host.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "date,Turkey (persons),Lebanon (persons),Jordan (persons)"
    assert "0000001" not in text and "9999999" not in text


def test_maps_credit_the_boundaries_as_not_authoritative(built):
    out, _r, _l = built
    for slug in ("deaths-by-governorate", "idps-by-governorate"):
        assert "not authoritative" in json.loads((out / f"{slug}.json").read_text())["source"]


def test_every_text_passes_the_contrast_rule(built):
    out, _r, _l = built
    svgs = sorted(out.glob("*.svg"))
    assert len(svgs) == len(newsroom.NEWS_SLUGS) * (1 + len(VARIANTS))
    bad = [m for p in svgs for m in failures(p)]
    assert not bad, "\n".join(bad)
    # the check can fail: a label in Okabe-Ito orange on white is 2.2:1
    assert contrast_ratio("#E69F00", "#ffffff") < 3.0
    assert contrast_ratio(readable("#E69F00", "#ffffff"), "#ffffff") >= 4.5


def test_contrast_check_sees_a_failing_text(tmp_path):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    fig.text(0.1, 0.5, "pale label", color="#E69F00", fontsize=9)
    fig.text(0.1, 0.2, "big pale title", color="#949494", fontsize=20)  # 3.0:1 at >= 18 px passes
    import matplotlib as mpl

    with mpl.rc_context({"svg.fonttype": "none"}):
        fig.savefig(tmp_path / "x.svg", format="svg")
    checks = {c.text: c for c in check_svg(tmp_path / "x.svg")}
    assert not checks["pale label"].ok and checks["big pale title"].ok
    assert failures(tmp_path / "x.svg")


def test_phone_cut_text_is_at_least_12_px_in_a_375_px_column(built):
    out, _r, _l = built
    assert CUTS["mobile"].width_in * 100 == 375
    for p in sorted(out.glob("*-mobile.svg")):
        sizes = [c.size_px for c in check_svg(p) if c.text]
        assert min(sizes) >= 12.0, (p.name, min(sizes))
    # and the standard cut, shown at 375 px, would not be: this is what the phone cut fixes
    std = [c.size_px * 375 / 600 for c in check_svg(out / "toll-over-time.svg") if c.text]
    assert min(std) < 12.0


def test_phone_cut_uses_short_axis_numbers(built):
    out, _r, _l = built
    texts = [c.text for c in check_svg(out / "displacement-mobile.svg")]
    assert any(t.endswith("m") and t[:-1].replace(".", "").isdigit() for t in texts), texts


def test_compact_numbers():
    assert i18n.compact(2_000_000) == "2m"
    assert i18n.compact(1_500_000) == "1.5m"
    assert i18n.compact(500_000) == "500k"
    assert i18n.compact(0) == "0"
    assert i18n.compact(2_000_000, "ar") == "2 مليون"
    assert i18n.compact(500_000, "ar") == "500 ألف"
    assert i18n.big(4_500_000) == "4.5 million"
    assert i18n.count(528_592) == "528,592"


def test_catalog_is_complete_in_arabic_and_not_pre_shaped():
    assert i18n.missing_keys("ar") == []
    cat = i18n.catalog()
    texts = [v["ar"] for v in cat["strings"].values()] + cat["months"]["ar"]
    for kind in ("area", "host", "perpetrator"):
        texts += [v["ar"] for v in cat["names"][kind].values()]
    for text in texts:
        # arabic-reshaper output uses presentation forms (U+FB50-FDFF, U+FE70-FEFF): never stored
        assert not any(0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF for ch in text), text
        # stored in logical order: the first strong letter of an Arabic text is Arabic
        first = next((ch for ch in text if unicodedata.bidirectional(ch) in ("L", "R", "AL")), None)
        assert first is None or unicodedata.bidirectional(first) == "AL" or text[0] in "{0123456789", text


def test_arabic_font_has_every_glyph_of_the_catalog():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    assert register_arabic_font(), "fontpkg-noto-sans-arabic is not installed"
    noto = FT2Font(str(arabic_font_path()))
    dejavu = FT2Font(font_manager.findfont("DejaVu Sans"))
    cat = i18n.catalog()
    chars = set("".join(v["ar"] for v in cat["strings"].values()))
    for kind in ("area", "host", "perpetrator"):
        chars |= set("".join(v["ar"] for v in cat["names"][kind].values()))
    missing = [c for c in sorted(chars) if not c.isspace() and "{" != c and "}" != c
               and noto.get_char_index(ord(c)) == 0 and dejavu.get_char_index(ord(c)) == 0]
    assert not missing, f"no glyph (would print as a box): {missing}"


def test_arabic_is_shaped_and_laid_out_right_to_left():
    from matplotlib import _text_helpers
    from matplotlib.ft2font import FT2Font

    font = FT2Font(str(arabic_font_path()))
    font.set_size(12, 72)
    word = "سوريا"
    items = sorted(_text_helpers.layout(word, font), key=lambda it: it.x)
    # a letter may be drawn as two glyphs (base and dots): keep each letter's first glyph
    letters = "".join(dict.fromkeys(it.char for it in items))
    # right to left: the leftmost glyph is the word's last letter (alif), the rightmost its first
    assert letters == word[::-1]
    # shaped: the first letter (seen in its initial, joined form) is not the isolated glyph
    seen = next(it for it in items if it.char == "س")
    assert seen.glyph_index != font.get_char_index(ord("س"))
    assert all(it.glyph_index != 0 for it in items)  # no missing-glyph boxes


def test_arabic_cut_keeps_logical_text_and_right_alignment(built):
    out, _r, _l = built
    meta = json.loads((out / "deaths-by-perpetrator.json").read_text(encoding="utf-8"))
    svg = (out / "deaths-by-perpetrator-ar.svg").read_text(encoding="utf-8")
    assert "Noto Sans Arabic" in svg
    first_line = meta["ar"]["title"].split()[0]
    assert first_line in svg  # logical order kept; the viewer and matplotlib shape it
    assert "text-anchor: end" in svg  # header and footer set from the right


def test_missing_dimensions_skip_charts_with_a_message(tmp_path):
    logs: list[str] = []
    report = newsroom.build_news_charts(tmp_path, estimates=legacy_registry(), jobs=1,
                                        log=logs.append, only=["deaths-by-perpetrator",
                                                               "refugees-by-host"])
    assert set(report["skipped"]) == {"deaths-by-perpetrator", "refugees-by-host"}
    assert any("perpetrator" in line and line.startswith("skip") for line in logs)
    assert not list(tmp_path.glob("*.png"))


def test_empty_selection_raises_missing_data():
    reg = registry()
    with pytest.raises(newsroom.MissingData, match="governorate"):
        newsroom.idps_by_governorate(reg[reg["measure"] != "idps"])


def test_toll_band_is_drawn_when_given():
    band = pd.DataFrame({"date": pd.to_datetime(["2014-12-31", "2020-12-31"]),
                         "median": [200_000.0, 550_000.0], "lower": [150_000.0, 450_000.0],
                         "upper": [260_000.0, 700_000.0]})
    chart = newsroom.toll_over_time(registry(), band=band)
    assert "model lower (deaths)" in chart.data.columns
    assert "90% range" in chart.texts("en")["note"]
    bare = newsroom.toll_over_time(registry(), use_model=False)
    assert "No modelled range" in bare.texts("en")["note"]


def test_rebuilding_is_byte_identical(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        newsroom.build_news_charts(d, estimates=registry(), jobs=1, only=["deaths-per-year"],
                                   log=lambda s: None)
    files = sorted(p.name for p in a.iterdir())
    assert files == sorted(p.name for p in b.iterdir()) and len(files) > 10
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


REAL_SVG = sorted(p for p in figures_dir().glob("*.svg")
                  if any(p.stem == s or p.stem.startswith(f"{s}-") and p.stem[len(s) + 1:] in VARIANTS
                         for s in newsroom.NEWS_SLUGS)) if figures_dir().is_dir() else []


@pytest.mark.skipif(not REAL_SVG, reason="no news charts in figures/ yet")
def test_real_news_charts_pass_the_contrast_rule():
    bad = [m for p in REAL_SVG for m in failures(p, min_px=12.0 if p.stem.endswith("-mobile") else 0)]
    assert not bad, "\n".join(bad)


REAL_METHODS_SVG = sorted((figures_dir() / "methods").glob("*.svg"))


@pytest.mark.skipif(not REAL_METHODS_SVG, reason="no methods charts in figures/methods/ yet")
def test_real_methods_charts_pass_the_contrast_rule():
    bad = [m for p in REAL_METHODS_SVG for m in failures(p)]
    assert not bad, "\n".join(bad)


def test_band_comes_from_the_toll_model_and_is_reused_while_nothing_changes(tmp_path, monkeypatch):
    import types

    calls = []
    band = pd.DataFrame({"date": pd.to_datetime(["2014-12-31", "2020-12-31"]),
                         "median": [200_000.0, 550_000.0], "lower": [150_000.0, 450_000.0],
                         "upper": [260_000.0, 700_000.0]})

    class Fit:  # stands in for syriastats.toll.TollFit (test double, made-up numbers)
        def band(self, level):
            assert level == 0.9
            return band

    fake = types.ModuleType("syriastats.toll")
    fake.__file__ = str(tmp_path / "toll" / "__init__.py")
    fake.__spec__ = __import__("importlib").machinery.ModuleSpec("syriastats.toll", None)
    fake.fit = lambda est, src=None: calls.append(1) or Fit()
    monkeypatch.setitem(sys.modules, "syriastats.toll", fake)
    pd.testing.assert_frame_equal(newsroom.toll_band(registry()), band)
    reg = registry()
    got, key = newsroom._cached_band(reg, None, tmp_path, lambda s: None)
    pd.testing.assert_frame_equal(got, band)
    assert key and len(calls) == 2
    chart = newsroom.toll_over_time(reg, band=got, use_model=False)
    chart.extra_meta["band_key"] = key
    from syriastats import export

    export.save_news(__import__("matplotlib.figure").figure.Figure(), "toll-over-time", chart.data,
                     newsroom.chart_meta(chart), out_dir=tmp_path)
    again, key2 = newsroom._cached_band(reg, None, tmp_path, lambda s: None)
    assert key2 == key and len(calls) == 2  # reused from the CSV, not refitted
    assert list(again["median"]) == [200_000, 550_000]


def _partial_map_registry(with_national: bool) -> pd.DataFrame:
    """Test registry whose only deaths-by-governorate set names 6 of the 14 governorates
    (1,000, 2,000, ... 6,000), plus (optionally) the same publisher's national total 100,000."""
    reg = registry()
    gov = reg["area"].astype(str).str.startswith("SY-") & (reg["measure"] == "deaths_total")
    keep = ["SY-HL", "SY-RD", "SY-DI", "SY-HI", "SY-HM", "SY-ID"]
    reg = reg[~gov | reg["area"].isin(keep)].copy()
    part = reg["area"].isin(keep) & (reg["measure"] == "deaths_total")
    reg.loc[part, "central"] = [1_000.0 * (keep.index(a) + 1) for a in reg.loc[part, "area"]]
    # another period than the test toll series, so only the row added here can be their total
    reg.loc[part, "period_start"] = pd.Timestamp("2012-01-01")
    if with_national:
        row = reg[part].iloc[0].copy()
        row["area"], row["central"], row["estimate_id"] = "SYR", 100_000.0, "test-national"
        reg = pd.concat([reg, row.to_frame().T], ignore_index=True)
    return reg


def test_partial_governorate_map_hatches_the_rest_and_uses_the_national_total(tmp_path):
    chart = newsroom.deaths_by_governorate(_partial_map_registry(with_national=True))
    data = chart.data
    # all 14 governorates are in the CSV; the 8 without a figure are marked, with empty values
    assert len(data) == 14 and set(data["governorate code (ISO 3166-2)"]) == set(
        newsroom.geo.GOVERNORATES)
    assert list(data["figure published"]).count("no") == 8
    assert data.loc[data["figure published"] == "no", "deaths"].isna().all()
    # shares are of the national total: 6,000 / 100,000 = 6.0%
    assert "share of the national total (%)" in data.columns
    en = chart.texts("en")
    assert en["title"] == "Idlib saw the most recorded deaths: 6,000, 6% of the national total"
    # the 8 unshown governorates hold 100,000 - (1+2+...+6) * 1,000 = 79,000
    assert "79,000" in en["note"] and "Hatched: 8 governorates" in en["note"]
    assert "Hatched" in en["note_short"]
    ar = chart.texts("ar")
    assert "79,000" in ar["note"] and ar["title"] != en["title"]
    # the hatched governorates are drawn as hatched patches, in the map and in the tile grid
    for cut in ("", "mobile"):
        fig = newsroom.render(chart, CUTS[cut])
        hatched = [p for ax in fig.axes for p in ax.patches if p.get_hatch()]
        # 8 governorates plus the key swatch
        assert len(hatched) == 9, (cut, len(hatched))


def test_partial_governorate_map_without_a_national_total_says_what_it_ranks():
    chart = newsroom.deaths_by_governorate(_partial_map_registry(with_national=False))
    en = chart.texts("en")
    assert en["title"] == "Idlib saw the most recorded deaths of the 6 governorates published: 6,000"
    assert "share of the total shown (%)" in chart.data.columns
    assert "national total" not in en["note"]


def test_every_catalog_key_the_charts_use_has_an_arabic_text(monkeypatch):
    """Record every catalog string and name the charts ask for, in any language, while
    their texts are made and their standard and Arabic cuts drawn; each must have Arabic
    (a key used only for English labels would otherwise slip through)."""
    used: set[tuple[str, str]] = set()
    real_t, real_name = i18n.t, i18n.name

    def t(key, lang="en", **values):
        used.add(("strings", key))
        return real_t(key, lang, **values)

    def name(kind, code, lang="en"):
        used.add((kind, code))
        return real_name(kind, code, lang)

    monkeypatch.setattr(i18n, "t", t)
    monkeypatch.setattr(i18n, "name", name)
    charts = [newsroom.toll_over_time(registry(), band=None, use_model=False) if s == "toll-over-time"
              else newsroom.CHARTS[s](registry()) for s in newsroom.NEWS_SLUGS]
    charts += [newsroom.deaths_by_governorate(_partial_map_registry(w)) for w in (True, False)]
    import matplotlib.pyplot as plt

    for chart in charts:
        for lang in i18n.LANGS:
            chart.texts(lang)
            newsroom.credit(chart, lang)
        for cut in ("", "ar"):
            plt.close(newsroom.render(chart, CUTS[cut]))
    cat = i18n.catalog()
    assert len({k for kind, k in used if kind == "strings"}) > 40  # the recorder saw the charts
    missing = [f"{kind}.{key}" for kind, key in sorted(used)
               if not (cat["strings"] if kind == "strings" else cat["names"][kind])[key].get("ar", "").strip()]
    assert not missing, missing


def test_arabic_running_text_names_publishers_in_arabic():
    # the short names Arabic media use, never the Latin acronym, for the catalog's publishers
    assert i18n.publisher_short("SOHR", "ar") == "المرصد السوري"
    assert i18n.publisher_short("SOHR", "en") == "SOHR"
    assert i18n.publisher_short("Unknown Org", "ar") == "Unknown Org"  # no invented translation
    for acronym, entry in i18n.catalog()["names"]["publisher_short"].items():
        assert entry["en"] == acronym
        assert not any("A" <= ch <= "z" for ch in entry["ar"]), (acronym, entry["ar"])


def test_real_arabic_titles_are_translated():
    """On the real registry, no Arabic title or subtitle keeps an English word: names of
    places, countries, perpetrators and publishers all come from the catalog."""
    from syriastats.sources import load_estimates, load_sources, with_sources

    est = with_sources(load_estimates(), load_sources())
    for slug in newsroom.NEWS_SLUGS:
        chart = (newsroom.toll_over_time(est, band=None, use_model=False) if slug == "toll-over-time"
                 else newsroom.CHARTS[slug](est))
        ar = chart.texts("ar")
        for field in ("title", "subtitle", "note"):
            latin = [w for w in ar[field].split() if any("A" <= ch <= "z" for ch in w)
                     and w.strip("().,;:").upper() != "UCDP"]  # "(UCDP)" after its Arabic name
            assert not latin, (slug, field, ar[field])
        # the credit: Arabic names; Latin only for an acronym in brackets and "Natural Earth"
        credit = newsroom.credit(chart, "ar")
        latin = [w for w in credit.split() if any("A" <= ch <= "z" for ch in w)
                 and not (w.startswith("(") and w.strip("().,;:؛").isupper())
                 and w.strip(".,") not in ("Natural", "Earth")]
        assert not latin, (slug, credit)
