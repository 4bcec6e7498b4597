"""Critical Mass: a platform for Women, Peace and Security coalitions."""

__version__ = "0.1.0"
