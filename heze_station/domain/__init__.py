"""Plain-Python rules of labour-dispute mediation: no Qt, no SQL."""
