-- dataeng-os: generated from contract urn:datacontract:loja:cadastro v1.0.0; hash sha256:54ff2aa8b03c1085. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('loja', 'entregas') }}

),

renamed as (

    select
        cast(entrega_id as integer) as entrega_id,
        cast(pedido_id as integer) as pedido_id,
        cast(numero_item as integer) as numero_item,
        cast(situacao as varchar) as situacao

    from source

)

select * from renamed
