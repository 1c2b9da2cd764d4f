"""The window's side of offline home visits: the working copy, its status, syncing."""
