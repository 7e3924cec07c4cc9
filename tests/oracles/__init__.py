"""Slow, plain implementations that the fast ones in calculators/ are checked against."""
