-- dataeng-os: generated from contract urn:datacontract:shop:orders v1.2.0; hash sha256:8b184523a9883371. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with orders as (

    select * from {{ ref('stg_shop__orders') }}

)

select
    order_id,
    customer_id,
    status,
    order_total,
    order_seq,
    created_at

from orders
