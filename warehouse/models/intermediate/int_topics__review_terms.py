"""The distinct terms (lemmas, two- and three-word phrases) of each tokenised review.

Incremental: a build replaces the rows of int_topics__pending and deletes the
reviews the lake dropped (post-hook in _intermediate.yml). See
warehouse/topics/terms.py for how terms are made.
"""


def model(dbt, session):
    dbt.config(
        materialized="incremental", unique_key="review_key", incremental_strategy="delete+insert"
    )
    from warehouse.topics.models import review_term_rows

    dbt.ref("int_review_changes")  # read by the post-hook that deletes dropped reviews

    return review_term_rows(
        session,
        dbt.ref("int_topics__pending").sql_query(),
        dbt.ref("dim_companies").sql_query(),
    )
