"""heze-station: offline-first labour-dispute mediation for Heze's 菏谐驿站 stations."""

__version__ = "0.1.0"
