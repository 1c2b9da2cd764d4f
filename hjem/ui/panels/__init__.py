"""Docked panels beside the plan."""
