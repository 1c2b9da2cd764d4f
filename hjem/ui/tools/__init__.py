"""Editing tools: small state classes that turn mouse and keys, in centimetres, into commands."""
