"""The engine interface and the registry of engines.

An engine is anything with ``name``, ``version`` and ``extract(article) -> list[Mention]``.
Its mentions are proposals: status "proposed", origin ``extractor:<name>@<version>``, a
confidence and the rule that fired, on the mention and on each argument. ``extract`` is a
pure function of the article, so it can run in worker processes or sharded elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from tadqiq.core.model import Article, Mention


@runtime_checkable
class Engine(Protocol):
    name: str
    version: str

    def extract(self, article: Article) -> list[Mention]: ...


def origin_of(engine: Engine) -> str:
    return f"extractor:{engine.name}@{engine.version}"


_REGISTRY: dict[str, Callable[[], Engine]] = {}


def register(name: str, factory: Callable[[], Engine]) -> None:
    """Make an engine available by name (``tadqiq extract --engine NAME``)."""
    _REGISTRY[name] = factory


def unregister(name: str) -> None:
    """Forget an engine registered with :func:`register` (a plug-in unloaded, a test's engine)."""
    _REGISTRY.pop(name, None)


def engine_names() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def get_engine(name: str = "rules") -> Engine:
    _load_builtin()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no extraction engine {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None
    return factory()


def _load_builtin() -> None:
    if "rules" not in _REGISTRY:
        from tadqiq.extract.rules import RuleEngine

        register("rules", RuleEngine)
