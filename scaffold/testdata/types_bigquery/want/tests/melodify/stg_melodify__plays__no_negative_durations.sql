-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:090bf35b77302237. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
-- no negative durations of plays: fails when the value breaks value = 0
select value
from (
    select (
    SELECT COUNT(*) FROM {{ ref('stg_melodify__plays') }} WHERE duration_ms < 0
    ) as value
) as checked
where value is null or not (value = 0)
