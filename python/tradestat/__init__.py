"""tradestat for Python: bilateral trade statistics, exact.

- ``read(paths)`` reads trade files in any layout tradestat reads (its own CSV, UN Comtrade,
  CEPII BACI, IMF DOTS, Parquet, Arrow) into ``Records``, an Arrow stream (the Arrow
  PyCapsule interface): ``polars.from_arrow(r)``, ``pyarrow.table(r)``. The value column
  is an exact decimal.
- ``summary(paths, reporter=..., partner=...)`` gives one pair's exports, imports,
  turnover, balance, growth and shares; ``check(text, data=...)`` checks an article's
  arithmetic; ``verify(claims, data=...)`` checks a claims file. Each returns the JSON
  contract of the command line (docs/output.md) as a dict, money and ratios as
  ``decimal.Decimal``.
- Errors are ``TradestatError`` with ``path``, ``line`` and ``column`` when the error names
  them.
"""

import decimal
import json
import os
import re
from typing import Any, Iterable, Optional, Sequence, Union

from ._tradestat import Records, TradestatError
from . import _tradestat

__all__ = ["Records", "TradestatError", "read", "summary", "metrics", "check", "verify"]

PathLike = Union[str, "os.PathLike[str]"]

# Keys whose values are text even when they look like numbers ("2019" is a period).
_TEXT_KEYS = {
    "period", "reporter", "partner", "commodity", "flow", "unit", "currency", "source", "note",
    "quote", "says", "kind", "verdict", "explanation", "printed", "why", "role",
    "measure", "lexicon", "rounding", "id", "status", "asserts", "text", "unchecked", "title",
    "url", "layout", "file", "allowed", "missing", "notes", "diagnoses", "detail", "diagnosis",
}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _decimals(obj: Any, key: Optional[str] = None) -> Any:
    """Exact numbers of the JSON contract (decimal strings) as ``decimal.Decimal``."""
    if isinstance(obj, dict):
        return {k: _decimals(v, k) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_decimals(v, key) for v in obj]
    if isinstance(obj, str) and key not in _TEXT_KEYS and _NUMBER.match(obj):
        return decimal.Decimal(obj)
    return obj


def _paths(paths: Union[PathLike, Iterable[PathLike]]) -> list:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _load(text: str) -> dict:
    return _decimals(json.loads(text, parse_float=decimal.Decimal))


def read(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    strict: bool = False,
    involving: Sequence[str] = (),
) -> Records:
    """Read trade files into records (an Arrow stream with an exact decimal ``value``).

    Rows tradestat rejects are counted (``Records.rejected``) and reported on stderr; with
    ``strict=True`` any rejected row raises ``TradestatError``. With ``involving`` (e.g.
    ``["CHN", "PRK"]``), only rows involving every one of those economies are kept; the
    others are skipped before they are parsed (fast on a 10-million-row BACI file).
    """
    return _tradestat.read(_paths(paths), strict=strict, involving=list(involving))


def summary(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    reporter: Optional[str] = None,
    partner: Optional[str] = None,
    strict: bool = False,
) -> dict:
    """One pair's exports, imports, turnover, balance, growth and shares, per period.

    The dict of ``tradestat summary --format json`` (money in units of the currency).
    """
    return _load(_tradestat.summary_json(_paths(paths), reporter=reporter, partner=partner, strict=strict))


def metrics(
    paths: Union[PathLike, Iterable[PathLike]],
    metrics: Sequence[str],
    *,
    reporter: Optional[str] = None,
    partner: Optional[str] = None,
    flow: str = "exports",
    top: Optional[int] = None,
    level: Optional[int] = None,
    strict: bool = False,
) -> dict:
    """Trade indicators with their formulas, as ``tradestat metrics --format json``.

    ``metrics`` names them: flows, growth, yoy, pop, multiple, cagr, index, shares,
    partners, hhi, rca, intensity, gl (docs/metrics.md).
    """
    return _load(
        _tradestat.metrics_json(
            _paths(paths), list(metrics), reporter=reporter, partner=partner, flow=flow, top=top, level=level, strict=strict
        )
    )


def check(
    text: str,
    *,
    data: Sequence[PathLike] = (),
    reporter: Optional[str] = None,
    partner: Optional[str] = None,
) -> dict:
    """Check an article's text: every relation between its numbers, with verdicts.

    The dict of ``tradestat check --format json``: ``claims`` (quote, says, kind, figures,
    verdict, diagnoses, explanation) and ``numbers`` (each number, a figure or ignored and
    why). With ``data``, amounts are also checked against the records.
    """
    return _load(_tradestat.check_json(text, data=_paths(data), reporter=reporter, partner=partner))


def verify(claims: PathLike, *, data: Sequence[PathLike] = ()) -> dict:
    """Verify a claims file (TOML), as ``tradestat verify --format json``."""
    return _load(_tradestat.verify_json(os.fspath(claims), data=_paths(data)))
