"""The station's half of syncing with the city: the network client, the sync engine and what they tell.

They speak the protocol that ``sync`` defines for both sides, but only a station runs them: the city server never
imports this package (an import-linter contract). Like ``sync`` they never touch the database; the station's data
reaches the engine through ``services.sync_replica`` and ``services.sync`` runs it for the window.
"""
