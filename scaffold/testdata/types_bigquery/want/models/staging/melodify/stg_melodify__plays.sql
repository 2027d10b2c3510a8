-- dataeng-os: generated from contract urn:datacontract:melodify:plays v1.0.0; hash sha256:fdd5948e170d00c8. Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force.
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
        parse_json(device) as device,
        array(select cast(e as string) from unnest(json_value_array(genres)) as e) as genres,
        array(select cast(e as int64) from unnest(json_value_array(skip_seconds)) as e) as skip_seconds

    from source

)

select * from renamed
