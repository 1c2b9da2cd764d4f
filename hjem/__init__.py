"""hjem: a home-furnishing planner for the volunteer architects of Fra Bolig til Hjem."""

__version__ = "0.1.0"
