"""Printing the family's handover plan from the window: the print dialog and its pages."""
