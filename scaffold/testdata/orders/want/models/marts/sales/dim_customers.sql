-- dataeng-os: generated from contract urn:datacontract:shop:orders v1.2.0; hash sha256:725586b9122ab296. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with customers as (

    select * from {{ ref('stg_shop__customers') }}

)

select
    customer_id,
    sha256(cast(email as varchar)) as email_hash,
    country_code,
    is_active

from customers
