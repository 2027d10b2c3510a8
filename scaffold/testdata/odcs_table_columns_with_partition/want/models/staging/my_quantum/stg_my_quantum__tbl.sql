-- dataeng-os: generated from contract 53581432-6c55-4ba2-a65f-72344a91553c v1.0.0; hash sha256:17da766a5224595f. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('my_quantum', 'tbl') }}

),

renamed as (

    select
        cast(rcvr_cntry_code as varchar(2)) as rcvr_cntry_code,
        cast(rcvr_id as varchar(20)) as rcvr_id,
        cast(year as number(38,0)) as year,
        cast(amount as float) as amount

    from source

)

select * from renamed
