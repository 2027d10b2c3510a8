-- dataeng-os: generated from contract 53581432-6c55-4ba2-a65f-72344a91553a v1.0.0; hash sha256:bb0151ef392bb5c4. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('my_table', 'air_quality') }}

),

renamed as (

    select
        cast(air_quality_status as varchar) as air_quality_status

    from source

)

select * from renamed
