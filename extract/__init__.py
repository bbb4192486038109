"""Extraction engines behind one interface (see extract/base.py); lexicons live in resources/."""

from tadqiq.extract.base import Engine, engine_names, get_engine, origin_of, register

__all__ = ["Engine", "engine_names", "get_engine", "origin_of", "register"]
