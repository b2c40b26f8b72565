"""judging_app: judging public-service innovation competitions."""

__version__ = "0.2.0"
