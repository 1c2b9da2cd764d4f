"""The only PySide6 layer: windows, the plan scene, tools and the undo adapter."""
