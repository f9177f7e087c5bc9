"""The pipeline layer: one function per stage and the workflows that cross stages.

``pipeline.stages`` wraps each stage's entry point (crawl, import, transform,
build, report, docs); ``pipeline.workflows`` runs them together (``run``, erase
everywhere); ``pipeline.alerts`` delivers new alerts through a channel the caller
passes in. Everything reports progress through a callback (``pipeline.progress``)
and prints nothing: the CLI prints the events, Airflow logs them.

Stage packages are imported inside the functions, so that importing this layer
(a DAG file does, at parse time) stays cheap.
"""
