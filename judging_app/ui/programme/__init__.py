"""The yearly programme's window (ui/programme/window.py) and its tabs."""
