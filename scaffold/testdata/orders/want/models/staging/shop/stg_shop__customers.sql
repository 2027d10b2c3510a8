-- dataeng-os: generated from contract urn:datacontract:shop:orders v1.2.0; hash sha256:d9b47f84d36e7567. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('shop', 'customers') }}

),

renamed as (

    select
        cast("CUST_ID" as bigint) as customer_id,
        cast("EMAIL_ADDR" as varchar) as email,
        cast(full_name as varchar) as full_name,
        cast(country_code as varchar) as country_code,
        cast(active_flag as boolean) as is_active

    from source

)

select * from renamed
