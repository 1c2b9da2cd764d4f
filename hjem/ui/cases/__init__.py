"""The family case screens: the case list on the start screen, the case form, the case window."""
