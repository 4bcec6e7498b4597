"""One package per public dataset: a reader (plain Python) and a mapping onto the platform's models.

`registry.DATASETS` names every importer the `criticalmass import` command knows.
"""
