"""Export tests reuse the dashboard's app fixtures (a signed-in client on a throwaway guard home)."""

from tests.dashboard.conftest import anon, client, config  # noqa: F401  (fixtures)
