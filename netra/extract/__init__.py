"""Netra's extraction engine: Indonesian news text in, a typed record out.

Django-free. ``extract_path(path)`` / ``extract_text(text)`` return a
:class:`~netra.extract.record.Document`; ``netra extract`` is the CLI.
"""
