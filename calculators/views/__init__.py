"""The page's words and HTML, apart from the math: one module per calculator with
``render(result, lang, data=None)``, built from the shared ``html`` and ``chart``
parts. The math modules import nothing from here."""
