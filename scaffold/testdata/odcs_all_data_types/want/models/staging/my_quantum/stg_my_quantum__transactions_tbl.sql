-- dataeng-os: generated from contract 53581432-6c55-4ba2-a65f-72344a91553a v1.0.0; hash sha256:c4422bb563ca027b. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('my_quantum', 'transactions_tbl') }}

),

renamed as (

    select
        cast(account_id as varchar) as account_id,
        cast(txn_ref_date as date) as txn_ref_date,
        cast(txn_timestamp as timestamp) as txn_timestamp,
        cast(txn_timestamp_tz as timestamp with time zone) as txn_timestamp_tz,
        cast(txn_time as time) as txn_time,
        cast(amount as double) as amount,
        cast(age as integer) as age,
        cast(is_open as boolean) as is_open,
        cast(latest_txns as json) as latest_txns,
        cast(customer_details as json) as customer_details

    from source

)

select * from renamed
