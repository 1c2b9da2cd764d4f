"""Offline home visits: the laptop's working copy of the team server, its outbox of
operations, and their sync with the server (issue 15)."""
