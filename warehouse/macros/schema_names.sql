{# Layers land in plain schemas (staging, intermediate, main, bi), not main_<layer>. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
