"""Use cases: one function per thing a person does. Each owns its unit of work and returns plain data."""
