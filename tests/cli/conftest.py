"""The command line's tests use the web tests' Django set-up (its settings, a fresh
CSC_INSIGHT_HOME per test, users of every role) and the audit pages' small snapshot: the
CLI and the web call the same library over the same database."""

from web.audits.conftest import snap  # noqa: F401
from web.conftest import clients, home, snapshot, users  # noqa: F401
