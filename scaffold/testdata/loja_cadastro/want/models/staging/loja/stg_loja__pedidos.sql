-- dataeng-os: generated from contract urn:datacontract:loja:cadastro v1.0.0; hash sha256:81f8ed7a5a64310b. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('loja', 'pedidos') }}

),

renamed as (

    select
        cast(pedido_id as integer) as pedido_id,
        cast(cliente_id as integer) as cliente_id,
        cast(valor_total as decimal(12,2)) as valor_total,
        cast(data_pedido as date) as data_pedido

    from source

)

select * from renamed
