"""The cache in front (nginx): which anonymous responses it may keep, and the
site-wide content version that tells it when a kept copy is out of date.

See docs/runbook.md ("Cache in front"). Domain apps never import this app.
"""
