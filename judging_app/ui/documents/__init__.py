"""Showing documents (PDF pages, images) in the app: a worker thread that talks to the
renderer process (render_worker.py), a continuous page view (page_view.py) and the viewer
with its page, zoom and search controls (document_viewer.py)."""
