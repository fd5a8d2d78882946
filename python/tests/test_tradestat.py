"""The Python package against the repository's data: Arrow without a copy of the exact
decimals, the JSON contracts as dicts of decimal.Decimal, errors with their place."""

import decimal
import pathlib

import pyarrow as pa
import polars as pl
import pytest

import tradestat

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "ru-kp-far-east-2019q1.csv"
ARTICLE = ROOT / "tests" / "fixtures" / "article-ru-kp.txt"
CLAIMS = ROOT / "data" / "claims" / "ru-kp-far-east-2019q1.toml"


def test_read_hands_over_arrow_with_exact_decimals():
    records = tradestat.read([DATA])
    assert len(records) == 4
    assert records.rejected == 0
    table = pa.table(records)
    assert pa.types.is_decimal(table.schema.field("value").type)
    values = sorted(table.column("value").to_pylist())
    assert values == [decimal.Decimal(v) for v in ["0.02", "9.08", "10.67", "30.72"]]
    frame = pl.DataFrame(records)
    assert frame.shape == (4, 9)
    assert frame["value"].dtype == pl.Decimal(38, 2)
    # polars.from_arrow gives the stream as one struct Series (polars' reading of a stream).
    assert pl.from_arrow(records).struct.unnest().shape == (4, 9)


def test_pandas_takes_the_stream_with_decimals():
    import pandas as pd

    frame = pd.DataFrame.from_arrow(tradestat.read([DATA]))
    assert frame.shape == (4, 9)
    assert decimal.Decimal("10.67") in set(frame["value"])


def test_read_keeps_only_the_rows_involving_the_economies_asked():
    partners = ROOT / "tests" / "fixtures" / "partners.csv"
    everything = tradestat.read([partners])
    pair = tradestat.read([partners], involving=["CHN", "RUS"])
    table = pa.table(pair)
    # China reports with 27 partners; four rows (2018, 2019) are its trade with Russia.
    assert len(everything) == 106
    assert len(pair) == 4
    assert set(table.column("partner").to_pylist()) == {"Russian Federation"}


def test_summary_is_the_json_contract_with_decimals():
    s = tradestat.summary(DATA)
    assert s["format_version"] == 1
    q1 = next(p for p in s["periods"] if p["period"] == "2019-Q1")
    assert q1["exports"] == decimal.Decimal("10670000")
    assert q1["imports"] == decimal.Decimal("20000")
    assert q1["turnover"] == decimal.Decimal("10690000")
    # 10.69 / 30.72 - 1, exactly as the library computes it
    assert str(q1["turnover_yoy"]).startswith("-0.65201822916666")


def test_metrics_are_the_json_contract():
    doc = tradestat.metrics(ROOT / "tests" / "fixtures" / "monthly-12y.csv", ["flows", "yoy"], reporter="KOR", partner="CHN")
    assert doc["format_version"] == 1
    assert doc["reporter"] == "KOR"
    assert [s["metric"] for s in doc["sections"]][:2] == ["flows", "yoy"]
    with pytest.raises(tradestat.TradestatError):
        tradestat.metrics(DATA, ["bogus"])


def test_check_reads_the_article_and_finds_the_triple_growth():
    doc = tradestat.check(ARTICLE.read_text(encoding="utf-8"))
    kinds = sorted((c["kind"], c["verdict"]) for c in doc["claims"])
    assert kinds == [("multiple", "inconsistent"), ("share", "consistent"), ("sum", "consistent")]
    growth = next(c for c in doc["claims"] if c["kind"] == "multiple")
    assert growth["diagnoses"] == ["direction", "inverse"]
    assert [f["period"] for f in growth["figures"]] == ["2018-Q1", "2019-Q1"]
    # Figures printed as printed; periods are text, not numbers.
    assert growth["figures"][0]["printed"] == "$30.72 million"


def test_check_with_data_confirms_the_figures():
    doc = tradestat.check(ARTICLE.read_text(encoding="utf-8"), data=[DATA])
    statuses = {f["printed"]: f["status"] for f in doc["figures_against_data"]}
    assert statuses["$10.69 million"] == "confirmed"


def test_verify_reads_a_claims_file():
    doc = tradestat.verify(CLAIMS)
    verdicts = sorted(c["verdict"] for c in doc["claims"])
    assert verdicts == ["consistent", "consistent", "inconsistent"]


def test_errors_carry_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "reporter,partner,period,flow,commodity,value,unit\n"
        "AAA,BBB,2019,export,TOTAL,12x,USD\n",
        encoding="utf-8",
    )
    with pytest.raises(tradestat.TradestatError) as err:
        tradestat.read([bad], strict=True)
    assert "bad.csv" in str(err.value)
    # The rejected value: line 2, column 6 (value).
    assert (err.value.path, err.value.line, err.value.column) == (str(bad), 2, 6)
    missing = tmp_path / "missing.csv"
    with pytest.raises(tradestat.TradestatError) as err:
        tradestat.read([missing])
    assert err.value.path == str(missing)
