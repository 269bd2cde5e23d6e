"""A LADO contact as the register's form takes it, valid as it stands: a tests' starting
point, each test changing the fields it is about."""

from __future__ import annotations

# received Wednesday 2 October 2019; the initial evaluation meeting a week later
LADO_FORM = {
    "reference": "L-9",
    "received_on": "02/10/2019",
    "source": "Headteacher",
    "sector": "education",
    "role": "Teacher",
    "category": "physical",
    "met_threshold": "true",
    "initial_meeting_on": "09/10/2019",
    "outcome": "",
    "concluded_on": "",
    "notes": "",
}
