-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:27b8e33e64652576. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
with source as (

    select * from {{ source('melodify', 'plays') }}

),

renamed as (

    select
        cast(play_id as int64) as play_id,
        cast(listener_id as numeric) as listener_id,
        parse_date('%m/%d/%Y', played_on) as played_on,
        parse_timestamp('%Y-%m-%dT%H:%M:%E*S%Ez', played_at) as played_at,
        parse_timestamp('%d/%m/%Y %H:%M', loaded_at) as loaded_at,
        cast(price as numeric(10,2)) as price,
        cast(duration_ms as int64) as duration_ms,
        parse_json(device) as device

    from source

)

select * from renamed
