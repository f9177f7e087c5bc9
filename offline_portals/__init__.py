"""The offline review portals: the simulator the demo, the tests and the bench run
against (never imported by the product; see docs/architecture.md).

``world/`` generates the companies and reviews (its word lists and stories are the
YAML files in ``world/data/``) and knows where each page lives (``world/routes.py``);
``render/`` draws each portal family's markup; ``server.py`` serves it over HTTP on
127.0.0.1; ``export.py`` writes a world straight into raw item files, as a crawl
would have.
"""
