"""Which engine a run uses: built-in engines by name, and those that need the project's model.

``rules`` (and any engine registered in extract.base) needs nothing; ``learned`` and
``combined`` need a model trained on the project (``tadqiq train``), read from the project
file here, in the process that owns the connection, and handed to worker processes as bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from tadqiq.db.project import Project
from tadqiq.extract.base import Engine, engine_names, get_engine
from tadqiq.extract.combined import NAME as COMBINED, CombinedEngine
from tadqiq.extract.learned import NAME as LEARNED, LearnedEngine

MODEL_ENGINES = (LEARNED, COMBINED)

__all__ = ["EngineSpec", "MODEL_ENGINES", "all_engine_names", "engine_spec"]


@dataclass(frozen=True)
class EngineSpec:
    """An engine by name, with the model bytes it needs (picklable: sent to workers)."""

    name: str
    model: bytes | None = None
    model_version: int | None = None

    def build(self) -> Engine:
        if self.name == LEARNED:
            return LearnedEngine(self._model())
        if self.name == COMBINED:
            return CombinedEngine(self._model())
        return get_engine(self.name)

    def _model(self) -> bytes:
        if self.model is None:
            raise LookupError(f"the {self.name} engine needs a trained model")
        return self.model


def all_engine_names() -> list[str]:
    return sorted({*engine_names(), *MODEL_ENGINES})


def engine_spec(project: Project, name: str, model_version: int | None = None) -> EngineSpec:
    """The engine ``name`` for a run on ``project`` (LookupError: unknown, or no model yet)."""
    if name in MODEL_ENGINES:
        stored = project.model(LEARNED, model_version)
        if stored is None:
            which = f"no version {model_version} of the learned model" if model_version else "no learned model"
            raise LookupError(f"{project.path.name} has {which}" + ("" if model_version else
                              f": run `tadqiq train {project.path.name}` first"))
        return EngineSpec(name, stored.data, stored.version)
    if name not in engine_names():
        raise LookupError(f"no extraction engine {name!r}; known: {', '.join(all_engine_names())}")
    return EngineSpec(name)
