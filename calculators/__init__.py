"""逾期应对指南 calculators: exact money math for people behind on online loans.

Standard library only; runs unchanged in CPython and in Pyodide. The browser's
door is ``calculators.web.run``; the terminal's is ``python -m calculators``.
"""
