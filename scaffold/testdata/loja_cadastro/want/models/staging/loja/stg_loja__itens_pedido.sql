-- dataeng-os: generated from contract urn:datacontract:loja:cadastro v1.0.0; hash sha256:ca47675762621e1d. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('loja', 'itens_pedido') }}

),

renamed as (

    select
        cast(pedido_id as integer) as pedido_id,
        cast(numero_item as integer) as numero_item,
        cast(quantidade as integer) as quantidade

    from source

)

select * from renamed
