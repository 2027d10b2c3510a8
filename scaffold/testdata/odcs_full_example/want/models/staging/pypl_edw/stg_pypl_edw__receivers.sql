-- dataeng-os: generated from contract 53581432-6c55-4ba2-a65f-72344a91553a v1.1.0; hash sha256:616f782e208c43d5. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('pypl_edw', 'receivers') }}

),

renamed as (

    select
        cast(id as varchar(18)) as id,
        cast(country_code as varchar(2)) as country_code,
        cast(receiver_name as varchar(255)) as receiver_name,
        cast(receiver_type as varchar(20)) as receiver_type

    from source

)

select * from renamed
