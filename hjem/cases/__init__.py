"""Family cases: household, visits, the new home's plan (no Qt)."""
