-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:02bf19dee2655058. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('melodify', 'plays') }}

),

renamed as (

    select
        cast(play_id as bigint) as play_id,
        cast(listener_id as numeric(20,0)) as listener_id,
        to_date(played_on, 'MM/DD/YYYY') as played_on,
        to_timestamp(played_at, 'YYYY-MM-DD"T"HH24:MI:SS.MSTZH:TZM') as played_at,
        cast(to_timestamp(loaded_at, 'DD/MM/YYYY HH24:MI') as timestamp) as loaded_at,
        cast(price as numeric(10,2)) as price,
        cast(duration_ms as integer) as duration_ms,
        cast(device as jsonb) as device

    from source

)

select * from renamed
