"""The supervision screen (Giám sát): lists, on-time rates, charts, exports."""
