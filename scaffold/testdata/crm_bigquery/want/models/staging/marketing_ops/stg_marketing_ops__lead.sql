-- dataeng-os: generated from contract crm-leads v0.3.0; hash sha256:b4da42a04c25e305. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('marketing_ops', 'lead') }}

),

renamed as (

    select
        cast(`LeadID` as string) as lead_id,
        cast(endereco as string) as endereco,
        cast(email as string) as e_mail,
        cast(score as float64) as score,
        cast(rank as int64) as `order`,
        cast(stage as string) as stage,
        cast(created_ts as timestamp) as created

    from source

)

select * from renamed
