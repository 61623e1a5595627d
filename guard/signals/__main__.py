"""``python -m guard.signals``: rewrite patterns/compiled.json after editing a pattern file."""

from guard.signals.lexicon import write_twin

print(f"wrote {write_twin()}")
