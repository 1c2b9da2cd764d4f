"""The shared inventory: donated items, photos, lifecycle, reservations, search. No Qt."""
