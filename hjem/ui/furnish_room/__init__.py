"""Furnish this room: pick a room and pieces, see three suggested layouts side by side, take
one as a single undo step (`hjem.floorplan.layout` makes them)."""
