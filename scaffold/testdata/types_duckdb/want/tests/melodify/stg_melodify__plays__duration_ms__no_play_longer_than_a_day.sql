-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:c45d923c27e118be. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
{{ config(severity='warn') }}

-- no play longer than a day on duration_ms of plays: fails when the value breaks value < 1
select value
from (
    select (
    select count(*) from {{ ref('stg_melodify__plays') }} where duration_ms > 86400000
    ) as value
) as checked
where value is null or not (value < 1)
