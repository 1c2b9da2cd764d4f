"""The floor plan: model, edit commands, geometry engine and the .hjem file. No Qt here."""
