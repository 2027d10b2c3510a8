-- dataeng-os: generated from contract urn:datacontract:loja:cadastro v1.0.0; hash sha256:3a124ccab378d85b. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('loja', 'clientes') }}

),

renamed as (

    select
        cast(cliente_id as integer) as cliente_id,
        cast(dados_pessoais as json) as dados_pessoais,
        cast(contatos as json) as contatos,
        cast(outros_contatos as json) as outros_contatos,
        cast(documentos as json) as documentos,
        cast(segmento as varchar) as segmento

    from source

)

select * from renamed
