"""Object-level access: which children a user may see, beyond what their role allows."""

from __future__ import annotations

from typing import Any

from csc_insight.access import roles
from csc_insight.access.roles import Role


def auditor_granted(user: Any, child_id: str) -> bool:
    """Whether an auditor holds a grant for this child: the child is in the sample of a
    round they are named on, and that round's access has not ended."""
    from csc_insight.audits.services import auditor_has_child

    return auditor_has_child(user, child_id)


def may_view_child(user: Any, child_id: str) -> bool:
    """The role (or an auditor's round) first; then, for a restricted record, the named
    roles or a grant in force."""
    from csc_insight.access.restricted.access import may_see

    if user.role in roles.CHILD_LEVEL:
        return may_see(user, child_id)
    return user.role == Role.AUDITOR and auditor_granted(user, child_id) and may_see(user, child_id)
