-- dataeng-os: generated from contract 53581432-6c55-4ba2-a65f-72344a91553a v1.0.0; hash sha256:a4bd7bc93d6ad8a5. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('my_table', 'air_quality') }}

),

renamed as (

    select
        cast("UniqueID" as integer) as unique_id

    from source

)

select * from renamed
