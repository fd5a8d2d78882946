import os
from typing import Any, Iterable, List, Optional, Sequence, Union

PathLike = Union[str, "os.PathLike[str]"]

class TradestatError(Exception):
    """An error of tradestat, with where it happened when the error names it."""

    path: Optional[str]
    line: Optional[int]
    column: Optional[int]

class Records:
    """Records read from trade files: an Arrow stream (the Arrow PyCapsule interface)."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def __len__(self) -> int: ...
    @property
    def columns(self) -> List[str]: ...
    @property
    def rejected(self) -> int: ...

def read(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    strict: bool = False,
    involving: Sequence[str] = (),
) -> Records: ...
def summary(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    reporter: Optional[str] = None,
    partner: Optional[str] = None,
    strict: bool = False,
) -> dict: ...
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
) -> dict: ...
def check(
    text: str,
    *,
    data: Sequence[PathLike] = (),
    reporter: Optional[str] = None,
    partner: Optional[str] = None,
) -> dict: ...
def verify(claims: PathLike, *, data: Sequence[PathLike] = ()) -> dict: ...
