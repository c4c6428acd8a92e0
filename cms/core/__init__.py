"""Shared, domain-free helpers: the leaf of the dependency graph.

Everything here may be imported by any app; nothing here imports an app of
this project (``cms.*`` or ``editorial_workflows``). A test in
``tests/test_architecture.py`` holds that line.
"""
