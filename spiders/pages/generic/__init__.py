"""The generic page reader: any review page, by strategies (``reader`` puts them together).

* ``structured`` (+ ``structured_nodes``): schema.org in JSON-LD, microdata, RDFa;
* ``state`` (+ ``state_sources``, ``jsvalue``): embedded JSON state;
* ``rendered``: ratings shown as text, attributes or class names;
* ``shown``: ratings, scales, counts and dates read from short texts;
* ``records``: what a strategy found, and how it becomes raw items.
"""
