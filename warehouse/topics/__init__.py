"""Topics: the terms behind every score and alert (issue 19).

words.py decides what a token is (lemma, stopword, negation, clause break), terms.py
turns a batch of review texts into their distinct terms, models.py is what the dbt
Python model int_topics__review_terms runs. The scoring is SQL: macros/topics.sql,
models/marts/company_topic_terms.sql and alert_topic_terms.sql.
"""
