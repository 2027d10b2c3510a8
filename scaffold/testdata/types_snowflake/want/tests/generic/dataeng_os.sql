-- dataeng-os: generated from dataeng-os generic tests (snowflake); hash sha256:50859f4ac8a67df3. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
{#- Package-free generic tests used by the scaffolded models (snowflake). -#}

{% test dataeng_os_range(model, column_name, min_value=none, max_value=none, min_inclusive=true, max_inclusive=true) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is not null
  and not (
    1 = 1
    {%- if min_value is not none %}
    and {{ column_name }} {{ '>=' if min_inclusive else '>' }} {{ min_value }}
    {%- endif %}
    {%- if max_value is not none %}
    and {{ column_name }} {{ '<=' if max_inclusive else '<' }} {{ max_value }}
    {%- endif %}
  )
{% endtest %}

{% test dataeng_os_length(model, column_name, min_length=none, max_length=none) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is not null
  and not (
    1 = 1
    {%- if min_length is not none %}
    and length({{ column_name }}) >= {{ min_length }}
    {%- endif %}
    {%- if max_length is not none %}
    and length({{ column_name }}) <= {{ max_length }}
    {%- endif %}
  )
{% endtest %}

{% test dataeng_os_pattern(model, column_name, pattern) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is not null
  and not (regexp_instr(cast({{ column_name }} as varchar), '{{ pattern | replace("'", "''") }}') > 0)
{% endtest %}

{% test dataeng_os_unique_combination(model, combination_of_columns) %}
select {{ combination_of_columns | join(', ') }}, count(*) as n_records
from {{ model }}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}

{% test dataeng_os_row_count(model, min_count=none, max_count=none) %}
select n_records
from (select count(*) as n_records from {{ model }}) as counted
where not (
    1 = 1
    {%- if min_count is not none %}
    and n_records >= {{ min_count }}
    {%- endif %}
    {%- if max_count is not none %}
    and n_records <= {{ max_count }}
    {%- endif %}
  )
{% endtest %}

{% test dataeng_os_relationships(model, columns, to, fields) %}
select {% for c in columns %}child.{{ c }}{{ ', ' if not loop.last }}{% endfor %}
from {{ model }} as child
left join {{ to }} as parent
  on {% for i in range(columns | length) %}child.{{ columns[i] }} = parent.{{ fields[i] }}{{ ' and ' if not loop.last }}{% endfor %}
where {% for c in columns %}child.{{ c }} is not null and {% endfor %}parent.{{ fields[0] }} is null
{% endtest %}
