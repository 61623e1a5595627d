"""LinkedIn Guard: the judgement. Rules, settings, the warning log, the dashboard."""

__version__ = "0.1.0"
