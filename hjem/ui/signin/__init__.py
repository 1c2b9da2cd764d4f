"""Signing in to the team's server: its settings, the sign-in dialog, and what the signed-in
person's group may see."""
