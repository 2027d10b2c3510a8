-- dataeng-os: generated from contract urn:datacontract:shop:returns v1.0.0; hash sha256:3385abd25d038e8c. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with returns as (

    select * from {{ ref('stg_shop__returns') }}

)

select
    return_id,
    order_id,
    reason,
    refund_amount,
    returned_at

from returns
