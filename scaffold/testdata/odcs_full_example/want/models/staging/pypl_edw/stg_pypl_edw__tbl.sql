-- dataeng-os: generated from contract 53581432-6c55-4ba2-a65f-72344a91553a v1.1.0; hash sha256:c995eb6257ea4899. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('pypl_edw', 'tbl') }}

),

renamed as (

    select
        cast(txn_ref_dt as date) as transaction_reference_date,
        cast(rcvr_id as varchar(18)) as rcvr_id,
        cast(rcvr_cntry_code as varchar(2)) as rcvr_cntry_code

    from source

)

select * from renamed
