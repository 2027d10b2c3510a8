-- dataeng-os: generated from contract crm-leads v0.3.0; hash sha256:ddb189d2af64b7a0. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with lead as (

    select * from {{ ref('stg_marketing_ops__lead') }}

)

select
    lead_id,
    endereco,
    to_hex(sha256(cast(e_mail as string))) as e_mail_hash,
    score,
    `order`,
    stage,
    created

from lead
