"""The handbook model, loading and validation. Imports nothing from MkDocs, so the handbook can
move to another site generator without touching this layer."""

from journeys.core.handbook import Handbook, load_handbook
from journeys.core.problems import Problem

__all__ = ["Handbook", "Problem", "load_handbook"]
