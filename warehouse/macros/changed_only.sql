{#
  Scoped data tests. On an incremental build (warehouse.build sets
  RUF_DBT_TESTS_CHANGED_ONLY=1) a review-grain test checks only the rows the build
  changed; on a full refresh, or a plain `dbt build` / `dbt test`, it checks every row.
  A test names its scope in `config: {where: "__changed_reviews__"}`; dbt renders
  `where` before project macros exist, so the scope is a placeholder that
  get_where_subquery (below, dbt's hook for `where`) turns into the filter.
  The env var is read when the test runs, so switching it does not re-parse the project.
#}
{% macro changed_only(scope) -%}
    {%- set filters = {
        '__new_lake_rows__':
            "last_seen_at > (select max(last_seen_at) from intermediate.int_reviews)",
        '__changed_reviews__':
            "review_key in (select review_key from intermediate.int_review_changes)",
        '__changed_company_days__':
            "(company_id in (select company_id from intermediate.int_review_changes)"
            ~ " or day > (select previous_as_of from intermediate.int_build_state))",
    } -%}
    {%- if scope not in filters -%}
        {{ return(scope) }}
    {%- elif env_var('RUF_DBT_TESTS_CHANGED_ONLY', '0') == '1' -%}
        {{ return(filters[scope]) }}
    {%- else -%}
        {{ return('') }}
    {%- endif -%}
{%- endmacro %}

{% macro get_where_subquery(relation) -%}
    {%- set where = changed_only(config.get('where', '') or '') -%}
    {%- if where -%}
        {{ return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') dbt_subquery') }}
    {%- else -%}
        {{ return(relation) }}
    {%- endif -%}
{%- endmacro %}
