"""Grant schemes, budget lines and their arithmetic (no Qt)."""
