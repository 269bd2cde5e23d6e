"""Object-level access: which children a user may see, beyond what their role allows."""

from __future__ import annotations

from typing import Any

from csc_insight.web import roles
from csc_insight.web.roles import Role


def auditor_granted(user: Any, child_id: str) -> bool:
    """Whether an auditor holds a grant for this child (their audit sample).

    The audit module will answer this from its samples and time-limited grants; until it
    exists no auditor has a grant, so auditors see no child.
    """
    return False


def may_view_child(user: Any, child_id: str) -> bool:
    if user.role in roles.CHILD_LEVEL:
        return True
    return user.role == Role.AUDITOR and auditor_granted(user, child_id)
