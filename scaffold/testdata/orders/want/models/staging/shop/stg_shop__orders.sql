-- dataeng-os: generated from contract urn:datacontract:shop:orders v1.2.0; hash sha256:7ebee5f28f8461ed. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('shop', 'orders') }}

),

renamed as (

    select
        cast("ORDER_ID" as varchar) as order_id,
        cast(customer_id as bigint) as customer_id,
        cast(status as varchar) as status,
        cast(order_total as decimal(12,2)) as order_total,
        cast(order_seq as integer) as order_seq,
        cast(created_at as timestamp) as created_at

    from source

)

select * from renamed
