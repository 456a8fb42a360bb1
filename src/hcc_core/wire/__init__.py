"""What desks and central say to each other: the pydantic models of the versioned sync protocol,
officer sessions and the supervision feed."""
