"""The plan drawn in a QGraphicsScene, one item per element, in centimetres."""
