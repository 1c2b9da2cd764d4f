"""The inventory window: the shared stock of donated items, for managers and architects."""
