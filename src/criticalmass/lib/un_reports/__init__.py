"""Reading the UN's monthly PDF reports of uniformed personnel (see types.py)."""
