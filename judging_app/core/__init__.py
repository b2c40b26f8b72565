"""The domain as plain Python: no Qt, no SQLAlchemy, no I/O.

Rule (checked by tests/test_layers.py): nothing under judging_app.core imports PySide6,
sqlalchemy, or any other judging_app layer.
"""
