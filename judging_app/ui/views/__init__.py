"""The views of a competition's workspace, one module each (Setup, Entries, Judges,
Assignments, Progress, Results, Reports). Each is a `View` (views/base.py)."""
