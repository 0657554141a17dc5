"""Access: physical geometry (millimetres, reach band), themes and contrast."""
