-- dataeng-os: generated from contract urn:datacontract:shop:returns v1.0.0; hash sha256:36c57841be12fbe3. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('shop', 'returns') }}

),

renamed as (

    select
        cast(return_id as bigint) as return_id,
        cast(order_id as varchar) as order_id,
        cast(reason as varchar) as reason,
        cast(refund_amount as decimal(12,2)) as refund_amount,
        cast(returned_at as timestamp) as returned_at

    from source

)

select * from renamed
