{#
  SQLAlchemy's PostgreSQL reflection, which duckdb-engine (Superset, and other
  SQLAlchemy-based BI tools) inherits, casts catalog names to REGCLASS when it reflects
  a table's keys and constraints; DuckDB 2.0 has no such type, so
  `Table(..., autoload_with=engine)` failed with "Type with name REGCLASS does not
  exist". DuckDB's pg_catalog keeps those ids as text: a VARCHAR alias in the
  warehouse makes the casts and comparisons work. Run at the start of every dbt run.
#}
{% macro create_reflection_types() -%}
    create type if not exists main.regclass as varchar
{%- endmacro %}
