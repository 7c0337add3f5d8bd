"""Alerts: high-risk signals routed to the people who must act on them, delivered live,
and escalated to supervisors when nobody acknowledges them in time."""
