"""The access package's tests use the web tests' Django set-up (settings, a fresh
CSC_INSIGHT_HOME per test, users of every role)."""

from web.conftest import home, users  # noqa: F401
