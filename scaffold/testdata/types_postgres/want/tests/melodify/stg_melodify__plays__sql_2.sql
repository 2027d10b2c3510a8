-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:fbbf28dc7d4121a6. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
{{ config(severity='warn') }}

-- sql quality rule of plays: fails when the value breaks value between 1 and 100000000
select value
from (
    select (
    select count(*) from {{ ref('stg_melodify__plays') }}
    ) as value
) as checked
where value is null or not (value between 1 and 100000000)
